package org.wenjin.chat.application;

import static org.wenjin.platform.Jsonp.JSON;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.wenjin.audit.application.AuditLog;
import org.wenjin.chat.domain.ChatRules;
import org.wenjin.chat.domain.CompanyFlowRepository;
import org.wenjin.chat.domain.flow.BuiltInFlows;
import org.wenjin.chat.domain.flow.CompanyFlowList;
import org.wenjin.chat.domain.flow.FlowDefinition;
import org.wenjin.chat.domain.flow.FlowEntry;
import org.wenjin.chat.domain.flow.FlowParser;
import org.wenjin.chat.domain.flow.FlowRules;
import org.wenjin.chat.domain.flow.FlowSource;
import org.wenjin.chat.domain.flow.FlowStep;
import org.wenjin.persistence.chat.CompanyFlow;
import org.wenjin.tenancy.application.CallerScope;

@Stateless
public class DefaultFlowService implements FlowService {

  /** Flows of a company's own, besides the built-ins. */
  static final int MAX_OWN = 30;

  private final CompanyFlowRepository flows;
  private final ChatSettingsService settings;
  private final AuditLog audit;
  private final Clock clock;

  @Inject
  public DefaultFlowService(
      CompanyFlowRepository flows, ChatSettingsService settings, AuditLog audit) {
    this(flows, settings, audit, Clock.systemUTC());
  }

  DefaultFlowService(
      CompanyFlowRepository flows, ChatSettingsService settings, AuditLog audit, Clock clock) {
    this.flows = flows;
    this.settings = settings;
    this.audit = audit;
    this.clock = clock;
  }

  @Override
  public List<FlowEntry> all() {
    return CompanyFlowList.of(flows.all());
  }

  @Override
  public List<FlowEntry> offered() {
    return all().stream().filter(FlowEntry::usable).toList();
  }

  @Override
  public FlowEntry get(String flowId) {
    return all().stream()
        .filter(f -> f.id().equals(flowId))
        .findFirst()
        .orElseThrow(() -> ChatRules.notFound("flow"));
  }

  @Override
  public Optional<FlowEntry> forQuestion(String flowId, ChatSettings current) {
    String id = flowId == null || flowId.isBlank() ? BuiltInFlows.standard().id() : flowId;
    FlowEntry entry =
        offered().stream()
            .filter(f -> f.id().equals(id))
            .findFirst()
            .orElseThrow(() -> ChatRules.notFound("flow"));
    List<String> unoffered = unofferedModels(entry.flow(), current);
    if (!unoffered.isEmpty()) {
      throw new ChatRules(
          "The flow '" + id + "' cannot run: " + String.join("; ", unoffered) + ".");
    }
    boolean shippedStandard =
        CompanyFlowList.isStandard(id) && entry.origin() == FlowEntry.Origin.BUILT_IN;
    return shippedStandard ? Optional.empty() : Optional.of(entry);
  }

  @Override
  public List<String> problems(String text) {
    try {
      checked(text);
      return List.of();
    } catch (FlowRules e) {
      return e.problems();
    }
  }

  @Override
  public FlowEntry save(String flowId, String text, boolean offered) {
    Checked flow = checked(text);
    String id = flow.definition().id();
    Optional<CompanyFlow> existing = flows.find(id);
    if (flowId == null) {
      if (existing.isPresent() || BuiltInFlows.isBuiltIn(id)) {
        throw new FlowRules("id: the company has a flow '" + id + "' already; choose another id");
      }
      if (all().stream().filter(f -> f.origin() == FlowEntry.Origin.OWN).count() >= MAX_OWN) {
        throw new FlowRules("a company can have at most " + MAX_OWN + " flows of its own");
      }
    } else {
      get(flowId); // not found: 404 before any other complaint
      if (!flowId.equals(id)) {
        throw new FlowRules(
            "id: this is the flow '" + flowId + "'; to save it under another id, make a new flow");
      }
    }
    if (!offered && CompanyFlowList.isStandard(id)) {
      throw new FlowRules("the standard flow '" + id + "' is always offered");
    }
    // filled in before it is added: an identity id makes persist insert at once
    CompanyFlow row = existing.orElseGet(() -> new CompanyFlow(id));
    row.save(FlowSource.prettyJson(flow.json()), offered, who(), Instant.now(clock));
    if (existing.isEmpty()) {
      flows.add(row);
    }
    FlowEntry saved = get(id);
    audit.action(
        "flow.saved",
        JSON.createObjectBuilder()
            .add("flow", id)
            .add("revision", saved.revision())
            .add("origin", saved.origin().name())
            .add("offered", offered)
            .add("definition", flow.json())
            .build());
    return saved;
  }

  @Override
  public FlowEntry offer(String flowId, boolean offered) {
    FlowEntry entry = get(flowId);
    if (!offered && CompanyFlowList.isStandard(flowId)) {
      throw new ChatRules("The standard flow is always offered: it answers questions naming none.");
    }
    if (offered && entry.flow() == null) {
      throw new ChatRules(
          "Fix this flow before offering it: " + String.join("; ", entry.problems()));
    }
    Optional<CompanyFlow> existing = flows.find(flowId);
    CompanyFlow row = existing.orElseGet(() -> new CompanyFlow(flowId));
    row.offer(offered, who(), Instant.now(clock));
    if (existing.isEmpty()) {
      flows.add(row);
    }
    audit.action(
        "flow.offered",
        JSON.createObjectBuilder().add("flow", flowId).add("offered", offered).build());
    return get(flowId);
  }

  @Override
  public void remove(String flowId) {
    FlowEntry entry = get(flowId);
    flows.find(flowId).ifPresent(flows::remove);
    audit.action(
        entry.origin() == FlowEntry.Origin.OWN ? "flow.deleted" : "flow.reset",
        JSON.createObjectBuilder().add("flow", flowId).build());
  }

  private record Checked(JsonObject json, FlowDefinition definition) {}

  /** Parsed, checked on its own and against the models the company offers. */
  private Checked checked(String text) {
    JsonObject json = FlowSource.json(text);
    FlowDefinition definition = FlowParser.parse(json);
    List<String> unoffered = unofferedModels(definition, settings.current());
    if (!unoffered.isEmpty()) {
      throw new FlowRules(unoffered);
    }
    return new Checked(json, definition);
  }

  /** "steps[2].model: …" for each step naming a model the company does not offer. */
  private static List<String> unofferedModels(FlowDefinition flow, ChatSettings current) {
    List<String> problems = new ArrayList<>();
    List<FlowStep> steps = flow.steps();
    for (int i = 0; i < steps.size(); i++) {
      String model =
          switch (steps.get(i)) {
            case FlowStep.Generate g -> g.call().model();
            case FlowStep.ForEach f -> f.call().model();
            case FlowStep.Answer a -> a.call().model();
            case FlowStep.Retrieve r -> null;
          };
      if (model != null && !current.allows(model)) {
        problems.add("steps[" + i + "].model: '" + model + "' is not a model your company offers");
      }
    }
    return problems;
  }

  private static String who() {
    return CallerScope.current().username();
  }
}
