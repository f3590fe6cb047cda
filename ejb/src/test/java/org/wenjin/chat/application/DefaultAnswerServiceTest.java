package org.wenjin.chat.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.wenjin.chat.domain.ChatRules;
import org.wenjin.tenancy.application.ActingCaller;

class DefaultAnswerServiceTest {

  private static final ActingCaller ALICE =
      new ActingCaller(1, "Acme", 7, "alice", Set.of("user"), List.of());

  private final List<String> quotaCalls = new ArrayList<>();

  @Test
  void aQuestionRefusedWhilePreparingGivesItsQuotaBack() throws Exception {
    DefaultAnswerService answers = new DefaultAnswerService();
    set(answers, "quotas", recordingQuotas());
    set(
        answers,
        "turns",
        fake(
            TurnService.class,
            () -> {
              throw new ChatRules("Type a question first.");
            }));

    assertThatThrownBy(() -> answers.ask(ALICE, Question.of(" "), null))
        .isInstanceOf(ChatRules.class);
    assertThat(quotaCalls).containsExactly("admit", "refund");
  }

  private Quotas recordingQuotas() {
    return new Quotas() {
      @Override
      public void admit(ActingCaller caller) {
        quotaCalls.add("admit");
      }

      @Override
      public void refund(ActingCaller caller) {
        quotaCalls.add("refund");
      }

      @Override
      public void used(long tenantId, long userId, long tokens) {
        quotaCalls.add("used");
      }
    };
  }

  /** Every method of {@code type} runs {@code body}. */
  private static <T> T fake(Class<T> type, Runnable body) {
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, args) -> {
              body.run();
              return null;
            }));
  }

  private static void set(Object target, String field, Object value) throws Exception {
    Field f = target.getClass().getDeclaredField(field);
    f.setAccessible(true);
    f.set(target, value);
  }
}
