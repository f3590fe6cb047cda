package org.wenjin.api.openai;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OpenAiErrorsTest {

  @Test
  void statusesMapToTheErrorTypesOpenAisClientsKnow() {
    assertThat(OpenAiErrors.type(400, "invalid_request")).isEqualTo("invalid_request_error");
    assertThat(OpenAiErrors.type(404, "model_not_found")).isEqualTo("invalid_request_error");
    assertThat(OpenAiErrors.type(401, "invalid_api_key")).isEqualTo("authentication_error");
    assertThat(OpenAiErrors.type(403, "forbidden")).isEqualTo("permission_error");
    assertThat(OpenAiErrors.type(429, "rate_limited")).isEqualTo("rate_limit_error");
    assertThat(OpenAiErrors.type(429, "quota_exceeded")).isEqualTo("insufficient_quota");
    assertThat(OpenAiErrors.type(503, "search_unavailable")).isEqualTo("api_error");
  }

  @Test
  void theErrorObjectCarriesWenjinsCodeAndMessage() {
    var error = OpenAiErrors.error(401, "invalid_api_key", "The API key is not valid.");

    assertThat(error.getString("message")).isEqualTo("The API key is not valid.");
    assertThat(error.getString("code")).isEqualTo("invalid_api_key");
    assertThat(error.getString("type")).isEqualTo("authentication_error");
    assertThat(error.isNull("param")).isTrue();
  }
}
