package org.wenjin.chat.domain.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wenjin.persistence.chat.CompanyFlow;

class CompanyFlowListTest {

  private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

  private static CompanyFlow saved(String id, String definition, boolean offered) {
    CompanyFlow row = new CompanyFlow(id);
    row.save(definition, offered, "anna", NOW);
    return row;
  }

  private static String flow(String id, String name) {
    return """
        {"id": "%s", "name": "%s", "steps": [
          {"id": "answer", "type": "answer", "prompt": "Briefly: {{question}}"}]}
        """
        .formatted(id, name);
  }

  @Test
  void withoutRowsTheCompanyHasTheBuiltInsAsShippedAllOffered() {
    List<FlowEntry> flows = CompanyFlowList.of(List.of());

    assertThat(flows)
        .extracting(FlowEntry::id)
        .containsExactly(
            "knowledge", "knowledge-notes", "rewrite-search", "write-document", "translate");
    assertThat(flows).allMatch(f -> f.origin() == FlowEntry.Origin.BUILT_IN && f.usable());
    assertThat(flows.get(0).turnRevision()).isNull();
  }

  @Test
  void anEditedCopyTakesTheBuiltInsPlaceAndOwnFlowsComeAfter() {
    CompanyFlow edited = saved("translate", flow("translate", "Translate, Acme style"), true);
    edited.save(flow("translate", "Translate, Acme style v2"), true, "anna", NOW);
    List<FlowEntry> flows =
        CompanyFlowList.of(List.of(saved("brief", flow("brief", "Brief"), true), edited));

    FlowEntry translate = flows.get(4);
    assertThat(translate.origin()).isEqualTo(FlowEntry.Origin.EDITED);
    assertThat(translate.flow().name()).isEqualTo("Translate, Acme style v2");
    assertThat(translate.turnRevision()).isEqualTo(2);
    assertThat(translate.updatedBy()).isEqualTo("anna");
    assertThat(flows.get(5).id()).isEqualTo("brief");
    assertThat(flows.get(5).origin()).isEqualTo(FlowEntry.Origin.OWN);
  }

  @Test
  void aWithdrawnBuiltInKeepsItsStepsButIsNotUsableExceptTheStandardOne() {
    CompanyFlow withdrawn = new CompanyFlow("write-document");
    withdrawn.offer(false, "anna", NOW);
    CompanyFlow standard = new CompanyFlow("knowledge");
    standard.offer(false, "anna", NOW);

    List<FlowEntry> flows = CompanyFlowList.of(List.of(withdrawn, standard));

    FlowEntry writing = flows.get(3);
    assertThat(writing.origin()).isEqualTo(FlowEntry.Origin.BUILT_IN);
    assertThat(writing.flow()).isNotNull();
    assertThat(writing.usable()).isFalse();
    assertThat(flows.get(0).usable()).as("questions naming no flow need it").isTrue();
  }

  @Test
  void aStoredFlowThatNoLongerPassesIsShownWithItsProblemsAndNotOffered() {
    String broken =
        """
        {"id": "old", "name": "Old", "steps": [
          {"id": "answer", "type": "answer", "prompt": "{{summaries}}"}]}
        """;
    FlowEntry old = CompanyFlowList.of(List.of(saved("old", broken, true))).get(5);

    assertThat(old.flow()).isNull();
    assertThat(old.usable()).isFalse();
    assertThat(old.problems()).singleElement().asString().contains("summaries");
  }
}
