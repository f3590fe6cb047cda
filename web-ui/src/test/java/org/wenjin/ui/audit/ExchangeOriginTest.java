package org.wenjin.ui.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExchangeOriginTest {

  @Test
  void aFlowsAnswerAskedWithAKeyNamesBoth() {
    ExchangeOrigin origin =
        ExchangeOrigin.of(
                "{\"backend\":\"openai\",\"flow\":{\"id\":\"brief\",\"revision\":3,"
                    + "\"steps\":[{\"step\":\"search\",\"type\":\"retrieve\"}]},\"apiKeyId\":12}")
            .orElseThrow();

    assertThat(origin.flowId()).isEqualTo("brief");
    assertThat(origin.revision()).isEqualTo(3);
    assertThat(origin.steps()).contains("\"step\":\"search\"");
    assertThat(origin.apiKeyId()).isEqualTo(12L);
  }

  @Test
  void aBuiltInFlowHasNoRevisionAndAPlainAnswerNoOrigin() {
    assertThat(ExchangeOrigin.of("{\"flow\":{\"id\":\"translate\",\"steps\":[]}}").orElseThrow())
        .extracting(ExchangeOrigin::revision, ExchangeOrigin::apiKeyId)
        .containsExactly(null, null);
    assertThat(ExchangeOrigin.of("{\"backend\":\"extractive\"}")).isEmpty();
    assertThat(ExchangeOrigin.of("not json")).isEmpty();
    assertThat(ExchangeOrigin.of("[1]")).isEmpty();
    assertThat(ExchangeOrigin.of(null)).isEmpty();
  }
}
