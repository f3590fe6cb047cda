package org.wenjin.chat.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.wenjin.audit.application.AuditLog;
import org.wenjin.audit.application.AuditLog.RatedAnswer;
import org.wenjin.audit.application.Exchange;
import org.wenjin.chat.domain.AnswerLanguage;
import org.wenjin.chat.domain.ChatRules;
import org.wenjin.chat.domain.CompanyFlowRepository;
import org.wenjin.chat.domain.flow.FlowChanged;
import org.wenjin.chat.domain.flow.FlowEntry;
import org.wenjin.chat.domain.flow.FlowRules;
import org.wenjin.persistence.chat.CompanyFlow;
import org.wenjin.platform.text.RuleMessage;
import org.wenjin.tenancy.application.ActingCaller;
import org.wenjin.tenancy.application.CallerScope;

class DefaultFlowServiceTest {

  private static final ActingCaller CAROL =
      new ActingCaller(7, "Acme", 3, "carol", Set.of("tenant-admin"), List.of());

  private final List<CompanyFlow> rows = new ArrayList<>();
  private final List<String> audited = new ArrayList<>();

  private final CompanyFlowRepository repository =
      new CompanyFlowRepository() {
        @Override
        public List<CompanyFlow> all() {
          return rows.stream().sorted(Comparator.comparing(CompanyFlow::getFlowId)).toList();
        }

        @Override
        public Optional<CompanyFlow> find(String flowId) {
          return rows.stream().filter(r -> r.getFlowId().equals(flowId)).findFirst();
        }

        @Override
        public CompanyFlow add(CompanyFlow flow) {
          assertThat(flow.getUpdatedAt()).as("complete before it is inserted").isNotNull();
          rows.add(flow);
          return flow;
        }

        @Override
        public void remove(CompanyFlow flow) {
          rows.remove(flow);
        }

        @Override
        public void flush() {}
      };

  /** A company offering no model: any step that names one names a model it does not offer. */
  private final ChatSettingsService settings =
      new ChatSettingsService() {
        @Override
        public ChatSettings current() {
          return new ChatSettings(List.of(), null, 5, null, AnswerLanguage.AUTO);
        }
      };

  private final AuditLog audit =
      new AuditLog() {
        @Override
        public void exchange(long tenantId, Exchange exchange) {}

        @Override
        public void feedback(RatedAnswer rated, int rating, String comment) {}

        @Override
        public void modelUse(String type, String model, String text, JsonObject detail) {}

        @Override
        public void action(String type, JsonObject detail) {
          audited.add(type + " " + detail.getString("flow", ""));
        }

        @Override
        public void action(long tenantId, String actor, String type, JsonObject detail) {}
      };

  private final DefaultFlowService service =
      new DefaultFlowService(
          repository,
          settings,
          audit,
          Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC));

  private static String flow(String id) {
    return "id: "
        + id
        + "\nname: "
        + id
        + "\nsteps:\n  - {id: answer, type: answer, prompt: 'Q: {{question}}'}\n";
  }

  private <T> T asCarol(Callable<T> work) throws Exception {
    return CallerScope.call(CAROL, work);
  }

  @Test
  void anOwnFlowIsSavedAsRevisionOneThenTwoAndAudited() throws Exception {
    FlowEntry first = asCarol(() -> service.save(null, flow("brief"), true));
    FlowEntry second = asCarol(() -> service.save("brief", flow("brief"), false));

    assertThat(first.origin()).isEqualTo(FlowEntry.Origin.OWN);
    assertThat(first.revision()).isEqualTo(1);
    assertThat(second.revision()).isEqualTo(2);
    assertThat(second.usable()).isFalse();
    assertThat(second.updatedBy()).isEqualTo("carol");
    assertThat(audited).containsExactly("flow.saved brief", "flow.saved brief");
    assertThat(service.offered()).extracting(FlowEntry::id).doesNotContain("brief");
  }

  @Test
  void aSaveBasedOnARevisionSavedOverMeanwhileIsRefusedAndSavesNothing() throws Exception {
    asCarol(() -> service.save(null, flow("brief"), true)); // revision 1
    asCarol(() -> service.save("brief", flow("brief"), true, 1)); // revision 2, by a colleague

    assertThatThrownBy(() -> asCarol(() -> service.save("brief", flow("brief"), false, 1)))
        .isInstanceOf(FlowChanged.class)
        .hasMessageContaining("saved meanwhile as revision 2 by carol (you edited revision 1)")
        .matches(e -> ((FlowChanged) e).revision() == 2);
    assertThat(service.all().stream().filter(f -> f.id().equals("brief")).findFirst())
        .hasValueSatisfying(f -> assertThat(f.revision()).isEqualTo(2));
    assertThat(audited).hasSize(2);

    // a built-in as shipped is revision 0: a save based on it finds it unchanged
    assertThat(asCarol(() -> service.save("translate", flow("translate"), true, 0)).revision())
        .isEqualTo(1);
  }

  @Test
  void aNewFlowCannotTakeABuiltInsIdAndAnEditCannotRenameTheFlow() throws Exception {
    assertThatThrownBy(() -> asCarol(() -> service.save(null, flow("translate"), true)))
        .isInstanceOf(FlowRules.class)
        .hasMessageContaining("has a flow ‘translate’ already");
    assertThatThrownBy(() -> asCarol(() -> service.save("translate", flow("other"), true)))
        .hasMessageContaining("this is the flow ‘translate’");
    assertThatThrownBy(() -> asCarol(() -> service.save("nope", flow("nope"), true)))
        .isInstanceOf(ChatRules.class)
        .matches(e -> ((ChatRules) e).isNotFound());
    assertThat(rows).isEmpty();
  }

  @Test
  void editingABuiltInMakesTheCompanysCopyAndResetBringsItBack() throws Exception {
    assertThat(service.forQuestion(null)).as("shipped: answered directly").isEmpty();

    asCarol(() -> service.save("knowledge", flow("knowledge"), true));

    FlowEntry standard = service.forQuestion(null).orElseThrow();
    assertThat(standard.origin()).isEqualTo(FlowEntry.Origin.EDITED);
    assertThat(standard.turnRevision()).isEqualTo(1);
    asCarol(
        () -> {
          service.remove("knowledge");
          return null;
        });
    assertThat(service.forQuestion("knowledge")).isEmpty();
    assertThat(audited).containsExactly("flow.saved knowledge", "flow.reset knowledge");
  }

  @Test
  void theStandardFlowStaysOfferedAndAWithdrawnFlowAnswersNothing() throws Exception {
    assertThatThrownBy(() -> asCarol(() -> service.offer("knowledge", false)))
        .hasMessageContaining("always offered");
    assertThatThrownBy(() -> asCarol(() -> service.save("knowledge", flow("knowledge"), false)))
        .hasMessageContaining("always offered");

    asCarol(() -> service.offer("write-document", false));

    assertThat(service.offered()).extracting(FlowEntry::id).doesNotContain("write-document");
    assertThatThrownBy(() -> service.forQuestion("write-document"))
        .isInstanceOf(ChatRules.class)
        .matches(e -> ((ChatRules) e).isNotFound());
    asCarol(() -> service.offer("write-document", true));
    assertThat(service.forQuestion("write-document")).isPresent();
  }

  @Test
  void aStepNamingAModelTheCompanyDoesNotOfferIsAProblem() {
    String withModel =
        "id: picky\nname: Picky\nsteps:\n"
            + "  - {id: answer, type: answer, model: gpt-9, prompt: '{{question}}'}\n";

    assertThat(service.problems(withModel))
        .extracting(RuleMessage::english)
        .containsExactly("steps[0].model: ‘gpt-9’ is not a model your company offers");
    assertThat(service.problems(flow("fine"))).isEmpty();
  }

  @Test
  void aCompanyHasAtMostThirtyFlowsOfItsOwn() throws Exception {
    for (int i = 0; i < DefaultFlowService.MAX_OWN; i++) {
      String id = "f" + i;
      asCarol(() -> service.save(null, flow(id), true));
    }
    assertThatThrownBy(() -> asCarol(() -> service.save(null, flow("one-more"), true)))
        .hasMessageContaining("at most 30 flows");
  }
}
