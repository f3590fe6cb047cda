package org.wenjin.knowledge.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonObject;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wenjin.audit.application.AuditLog;
import org.wenjin.audit.application.Exchange;
import org.wenjin.chat.domain.QuotaExceeded;
import org.wenjin.engine.spi.TokenEstimate;
import org.wenjin.knowledge.domain.KnowledgeRules;
import org.wenjin.platform.text.RuleMessage;
import org.wenjin.tenancy.application.ActingCaller;
import org.wenjin.tenancy.application.CallerScope;

/** The order of quota, model, usage and audit for an API client's embeddings, with fakes. */
class DefaultClientEmbeddingServiceTest {

  private static final ActingCaller ALICE =
      new ActingCaller(3, "Acme", 11, "alice", Set.of(), List.of(), 42L);

  private final List<String> calls = new ArrayList<>();
  private final List<JsonObject> audited = new ArrayList<>();
  private final List<String> sent = new ArrayList<>();
  private boolean quotaUsedUp;
  private final DefaultClientEmbeddingService service = new DefaultClientEmbeddingService();

  @BeforeEach
  void wire() throws Exception {
    set("embeddings", new FakeEmbeddings());
    set("quotas", new FakeQuotas());
    set("audit", new FakeAudit());
  }

  @Test
  void countsTheTokensAndRecordsWhoEmbeddedWhatWithWhichModel() throws Exception {
    List<String> inputs = List.of("年假有几天", "annual leave");

    ClientEmbeddingService.Embedded embedded = as(ALICE, () -> service.embed("bge-zh", inputs));

    int tokens = TokenEstimate.of("年假有几天") + TokenEstimate.of("annual leave");
    assertThat(embedded.vectors()).hasSize(2);
    assertThat(embedded.tokens()).isEqualTo(tokens);
    assertThat(calls).containsExactly("admit 3/11", "embed bge-zh 2", "used 3/11 " + tokens);
    assertThat(sent).containsExactly("bge-zh: 年假有几天\nannual leave");
    assertThat(audited)
        .singleElement()
        .satisfies(
            detail -> {
              assertThat(detail.getInt("inputs")).isEqualTo(2);
              assertThat(detail.getInt("characters")).isEqualTo(5 + 12);
              assertThat(detail.getInt("tokens")).isEqualTo(tokens);
              assertThat(detail.getInt("apiKeyId")).isEqualTo(42);
            });
  }

  @Test
  void aUsedUpQuotaRefusesBeforeTheModelRunsAndRecordsNothing() {
    quotaUsedUp = true;

    assertThatThrownBy(() -> as(ALICE, () -> service.embed("bge-zh", List.of("hello"))))
        .isInstanceOf(QuotaExceeded.class);
    assertThat(calls).containsExactly("admit 3/11");
    assertThat(audited).isEmpty();
    assertThat(sent).isEmpty();
  }

  @Test
  void aRequestTheModelRefusesCountsNoTokensAndRecordsNothing() {
    assertThatThrownBy(() -> as(ALICE, () -> service.embed("no-such-model", List.of("hello"))))
        .isInstanceOf(KnowledgeRules.class);
    assertThat(calls).containsExactly("admit 3/11");
    assertThat(audited).isEmpty();
    assertThat(sent).isEmpty();
  }

  @Test
  void theAuditKeepsAQuestionsLengthOfWhatWasSentWithoutSplittingACharacter() throws Exception {
    String emoji = "\uD83D\uDE00"; // one character, two chars
    int kept = DefaultClientEmbeddingService.KEPT;
    String first = "a".repeat(kept - 2) + emoji + "tail";

    as(ALICE, () -> service.embed("bge-zh", List.of(first, "second")));

    assertThat(sent).singleElement().isEqualTo("bge-zh: " + "a".repeat(kept - 2) + "…");
    assertThat(audited.getFirst().getInt("inputs")).isEqualTo(2);
  }

  private static <T> T as(ActingCaller caller, Callable<T> work) throws Exception {
    return CallerScope.call(caller, work);
  }

  private void set(String field, Object value) throws Exception {
    Field f = DefaultClientEmbeddingService.class.getDeclaredField(field);
    f.setAccessible(true);
    f.set(service, value);
  }

  private final class FakeEmbeddings extends TextEmbeddings {
    @Override
    public List<float[]> embed(String model, List<String> inputs) {
      if (!model.equals("bge-zh")) {
        throw KnowledgeRules.notFound(RuleMessage.of("knowledge.embed.model-unknown", model));
      }
      calls.add("embed " + model + " " + inputs.size());
      return inputs.stream().map(input -> new float[] {input.length()}).toList();
    }
  }

  private final class FakeQuotas implements EmbeddingQuotas {
    @Override
    public void admitTokens(ActingCaller caller) {
      calls.add("admit " + caller.tenantId() + "/" + caller.userId());
      if (quotaUsedUp) {
        throw new QuotaExceeded(RuleMessage.of("quota.user.tokens-per-day", 100, 100), 60);
      }
    }

    @Override
    public void usedTokens(long tenantId, long userId, long tokens) {
      calls.add("used " + tenantId + "/" + userId + " " + tokens);
    }
  }

  private final class FakeAudit implements AuditLog {
    @Override
    public void exchange(long tenantId, Exchange exchange) {
      throw new AssertionError("not an exchange");
    }

    @Override
    public void feedback(RatedAnswer rated, int rating, String comment) {
      throw new AssertionError("not feedback");
    }

    @Override
    public void modelUse(String type, String model, String text, JsonObject detail) {
      assertThat(type).isEqualTo(DefaultClientEmbeddingService.EVENT);
      assertThat(text.length()).isLessThanOrEqualTo(DefaultClientEmbeddingService.KEPT);
      sent.add(model + ": " + text);
      audited.add(detail);
    }

    @Override
    public void action(String type, JsonObject detail) {
      throw new AssertionError("a use of a model, with its text");
    }

    @Override
    public void action(long tenantId, String actor, String type, JsonObject detail) {
      throw new AssertionError("the caller's own company");
    }
  }
}
