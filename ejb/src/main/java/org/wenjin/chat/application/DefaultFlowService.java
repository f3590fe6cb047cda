package org.wenjin.chat.application;

import static org.wenjin.platform.Jsonp.JSON;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.PersistenceException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.wenjin.audit.application.AuditLog;
import org.wenjin.chat.domain.ChatRules;
import org.wenjin.chat.domain.CompanyFlowRepository;
import org.wenjin.chat.domain.flow.BuiltInFlows;
import org.wenjin.chat.domain.flow.CompanyFlowList;
import org.wenjin.chat.domain.flow.FlowChanged;
import org.wenjin.chat.domain.flow.FlowDefinition;
import org.wenjin.chat.domain.flow.FlowEntry;
import org.wenjin.chat.domain.flow.FlowParser;
import org.wenjin.chat.domain.flow.FlowRules;
import org.wenjin.chat.domain.flow.FlowSource;
import org.wenjin.chat.domain.flow.FlowStep;
import org.wenjin.persistence.chat.CompanyFlow;
import org.wenjin.platform.text.RuleMessage;
import org.wenjin.tenancy.application.CallerScope;

@Stateless
public class DefaultFlowService implements FlowService {

  private static final Logger LOG = Logger.getLogger(DefaultFlowService.class.getName());

  /**
   * Characters of a definition the audit event keeps whole (its detail holds 65,535); a longer one
   * is recorded by its SHA-256, which matches the stored row.
   */
  static final int AUDITED_DEFINITION = 50_000;

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
    ChatSettings current = settings.current();
    return CompanyFlowList.of(flows.all()).stream()
        .map(f -> f.flow() == null ? f : f.with(unofferedModels(f.flow(), current)))
        .toList();
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
        .orElseThrow(() -> ChatRules.notFound(RuleMessage.of("chat.thing.flow")));
  }

  @Override
  public Optional<FlowEntry> forQuestion(String flowId) {
    String id = flowId == null || flowId.isBlank() ? BuiltInFlows.standard().id() : flowId;
    FlowEntry entry =
        all().stream()
            .filter(f -> f.id().equals(id) && f.offered())
            .findFirst()
            .orElseThrow(() -> ChatRules.notFound(RuleMessage.of("chat.thing.flow")));
    boolean standard = CompanyFlowList.isStandard(id);
    if (!entry.usable()) {
      if (standard) {
        // the company's grounding must not take every plain question down with it
        LOG.warning(
            () ->
                "The company's standard flow cannot run, the shipped one answers: "
                    + entry.problems());
        return Optional.empty();
      }
      throw new ChatRules(
          RuleMessage.of("chat.flow.cannot-run", id, RuleMessage.joined(entry.problems())));
    }
    boolean shippedStandard = standard && entry.origin() == FlowEntry.Origin.BUILT_IN;
    return shippedStandard ? Optional.empty() : Optional.of(entry);
  }

  @Override
  public List<RuleMessage> problems(String text) {
    try {
      checked(text);
      return List.of();
    } catch (FlowRules e) {
      return e.explanations();
    }
  }

  @Override
  public FlowEntry save(String flowId, String text, boolean offered, Integer basedOn) {
    Checked flow = checked(text);
    String id = flow.definition().id();
    Optional<CompanyFlow> existing = flows.find(id);
    if (flowId == null) {
      if (existing.isPresent() || BuiltInFlows.isBuiltIn(id)) {
        throw new FlowRules(RuleMessage.of("flow.save.id-taken", id));
      }
      if (all().stream().filter(f -> f.origin() == FlowEntry.Origin.OWN).count() >= MAX_OWN) {
        throw new FlowRules(RuleMessage.of("flow.save.too-many", MAX_OWN));
      }
    } else {
      FlowEntry current = get(flowId); // not found: 404 before any other complaint
      if (basedOn != null && current.revision() != basedOn) {
        throw new FlowChanged(
            RuleMessage.of(
                "flow.save.changed",
                flowId,
                current.revision(),
                String.valueOf(current.updatedBy()),
                basedOn),
            current.revision());
      }
      if (!flowId.equals(id)) {
        throw new FlowRules(RuleMessage.of("flow.save.id-changed", flowId));
      }
    }
    if (!offered && CompanyFlowList.isStandard(id)) {
      throw new FlowRules(RuleMessage.of("flow.save.standard-offered", id));
    }
    String stored = FlowSource.prettyJson(flow.json());
    if (stored.length() > CompanyFlow.MAX_DEFINITION) {
      throw new FlowRules(
          RuleMessage.of("flow.save.too-long", stored.length(), CompanyFlow.MAX_DEFINITION));
    }
    // filled in before it is added: an identity id makes persist insert at once
    CompanyFlow row = existing.orElseGet(() -> new CompanyFlow(id));
    row.save(stored, offered, who(), Instant.now(clock));
    written(existing.isEmpty() ? row : null);
    FlowEntry saved = get(id);
    JsonObjectBuilder detail =
        JSON.createObjectBuilder()
            .add("flow", id)
            .add("revision", saved.revision())
            .add("origin", saved.origin().name())
            .add("offered", offered)
            .add("sha256", sha256(row.getDefinition()));
    if (row.getDefinition().length() <= AUDITED_DEFINITION) {
      detail.add("definition", flow.json());
    }
    audit.action("flow.saved", detail.build());
    return saved;
  }

  @Override
  public FlowEntry offer(String flowId, boolean offered) {
    FlowEntry entry = get(flowId);
    if (!offered && CompanyFlowList.isStandard(flowId)) {
      throw new ChatRules(RuleMessage.of("chat.flow.standard-offered"));
    }
    if (offered && !entry.problems().isEmpty()) {
      throw new ChatRules(
          RuleMessage.of("chat.flow.fix-first", RuleMessage.joined(entry.problems())));
    }
    Optional<CompanyFlow> existing = flows.find(flowId);
    CompanyFlow row = existing.orElseGet(() -> new CompanyFlow(flowId));
    row.offer(offered, who(), Instant.now(clock));
    written(existing.isEmpty() ? row : null);
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

  /**
   * Writes the change now ({@code added}: a new row), so that another admin's change made meanwhile
   * (the same new id, a save of the same revision) is a message, not a failed commit.
   */
  private void written(CompanyFlow added) {
    try {
      if (added != null) {
        flows.add(added);
      }
      flows.flush();
    } catch (PersistenceException e) {
      throw new ChatRules(RuleMessage.of("chat.flow.changed-meanwhile"));
    }
  }

  private record Checked(JsonObject json, FlowDefinition definition) {}

  /** Parsed, checked on its own and against the models the company offers. */
  private Checked checked(String text) {
    JsonObject json = FlowSource.json(text);
    FlowDefinition definition = FlowParser.parse(json);
    List<RuleMessage> unoffered = unofferedModels(definition, settings.current());
    if (!unoffered.isEmpty()) {
      throw new FlowRules(unoffered);
    }
    return new Checked(json, definition);
  }

  /** "steps[2].model: …" for each step naming a model the company does not offer. */
  private static List<RuleMessage> unofferedModels(FlowDefinition flow, ChatSettings current) {
    List<RuleMessage> problems = new ArrayList<>();
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
        problems.add(RuleMessage.of("flow.model.not-offered", "steps[" + i + "]", model));
      }
    }
    return problems;
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static String who() {
    return CallerScope.current().username();
  }
}
