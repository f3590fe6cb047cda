package org.wenjin.chat.domain.flow;

import static org.wenjin.platform.Jsonp.JSON;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.wenjin.persistence.chat.CompanyFlow;
import org.wenjin.platform.text.RuleMessage;

/**
 * The flows a company has: the built-ins in their order, each replaced by the company's edited copy
 * where it has one, then its own flows by id. The standard flow is always offered: it is what a
 * question that names no flow gets.
 */
public final class CompanyFlowList {

  private CompanyFlowList() {}

  public static List<FlowEntry> of(List<CompanyFlow> rows) {
    Map<String, CompanyFlow> byId =
        rows.stream().collect(Collectors.toMap(CompanyFlow::getFlowId, Function.identity()));
    List<FlowEntry> entries = new ArrayList<>();
    for (FlowDefinition builtIn : BuiltInFlows.all()) {
      CompanyFlow row = byId.get(builtIn.id());
      entries.add(row == null ? shipped(builtIn, true) : entry(row, FlowEntry.Origin.EDITED));
    }
    rows.stream()
        .filter(r -> !BuiltInFlows.isBuiltIn(r.getFlowId()))
        .filter(r -> r.getDefinition() != null) // withdrew a built-in a later release dropped
        .forEach(r -> entries.add(entry(r, FlowEntry.Origin.OWN)));
    return entries;
  }

  private static FlowEntry shipped(FlowDefinition flow, boolean offered) {
    return new FlowEntry(
        flow.id(),
        flow,
        BuiltInFlows.source(flow.id()).orElseThrow(),
        FlowEntry.Origin.BUILT_IN,
        0,
        offered,
        null,
        null,
        List.of());
  }

  private static FlowEntry entry(CompanyFlow row, FlowEntry.Origin origin) {
    boolean offered = row.isOffered() || isStandard(row.getFlowId());
    if (row.getDefinition() == null) { // a built-in kept as shipped, only withdrawn
      FlowDefinition builtIn = BuiltInFlows.find(row.getFlowId()).orElseThrow();
      FlowEntry shipped = shipped(builtIn, offered);
      return new FlowEntry(
          shipped.id(),
          builtIn,
          shipped.source(),
          FlowEntry.Origin.BUILT_IN,
          0,
          offered,
          row.getUpdatedAt(),
          row.getUpdatedBy(),
          List.of());
    }
    JsonObject source;
    try (var reader = JSON.createReader(new StringReader(row.getDefinition()))) {
      source = reader.readObject();
    } catch (JsonException | IllegalStateException e) { // changed in the database by hand
      source = JSON.createObjectBuilder().add("id", row.getFlowId()).build();
    }
    FlowDefinition flow = null;
    List<RuleMessage> problems = List.of();
    try {
      flow = FlowParser.parse(source);
    } catch (FlowRules e) { // saved under older rules; shown to the admin to fix
      problems = e.explanations();
    }
    return new FlowEntry(
        row.getFlowId(),
        flow,
        source,
        origin,
        row.getRevision(),
        offered,
        row.getUpdatedAt(),
        row.getUpdatedBy(),
        problems);
  }

  public static boolean isStandard(String flowId) {
    return BuiltInFlows.standard().id().equals(flowId);
  }
}
