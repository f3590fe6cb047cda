package org.wenjin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Retention and quotas end to end: a tenant admin's quotas refuse the question over them with 429
 * and Retry-After, in their company only; a purge now is recorded in the audit trail; a policy
 * outside the platform's bounds is refused; the Admin page saves the policy.
 */
class GovernanceIT {

  private static final String NO_LIMITS =
      "{\"conversationDays\":null,\"auditDays\":null,\"userQuestionsPerMinute\":null,"
          + "\"companyQuestionsPerMinute\":null,\"userTokensPerDay\":null,"
          + "\"companyTokensPerDay\":null}";

  @AfterEach
  void liftTheLimits() throws Exception {
    for (String admin : new String[] {"gina", "carol"}) {
      assertThat(ApiIT.send("PUT", "/api/policy", ApiIT.tokenFor(admin), NO_LIMITS).statusCode())
          .isEqualTo(200);
    }
  }

  @Test
  void aQuestionOverThePerMinuteQuotaIsA429WithRetryAfterInThatCompanyOnly() throws Exception {
    String gina = ApiIT.tokenFor("gina");
    HttpResponse<String> set =
        ApiIT.send("PUT", "/api/policy", gina, "{\"userQuestionsPerMinute\":2}");
    assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
    assertThat(set.body()).contains("\"userQuestionsPerMinute\":2");
    awaitMinuteStart();

    String bob = ApiIT.tokenFor("bob");
    assertThat(ask(bob).statusCode()).isEqualTo(201);
    assertThat(ask(bob).statusCode()).isEqualTo(201);
    HttpResponse<String> third = ask(bob);

    assertThat(third.statusCode()).as(third.body()).isEqualTo(429);
    assertThat(third.body()).contains("\"error\":\"quota_exceeded\"", "2 questions this minute");
    assertThat(Long.parseLong(third.headers().firstValue("Retry-After").orElseThrow()))
        .isBetween(1L, 60L);
    assertThat(ask(ApiIT.tokenFor("alice")).statusCode()).as("Acme has no quota").isEqualTo(201);
  }

  @Test
  void onceTheCompanysTokensOfTheDayAreUsedTheNextQuestionIsRefused() throws Exception {
    String gina = ApiIT.tokenFor("gina");
    assertThat(ApiIT.send("PUT", "/api/policy", gina, "{\"companyTokensPerDay\":1}").statusCode())
        .isEqualTo(200);
    String bob = ApiIT.tokenFor("bob");

    HttpResponse<String> first = ask(bob); // may be the first of the day: it is answered
    HttpResponse<String> next = ask(bob);

    assertThat(first.statusCode() == 201 || first.statusCode() == 429).isTrue();
    assertThat(next.statusCode()).as(next.body()).isEqualTo(429);
    assertThat(next.body()).contains("tokens today");
    HttpResponse<String> usage = ApiIT.send("GET", "/api/policy/usage", gina, null);
    assertThat(usage.body()).contains("\"companyTokensPerDay\":1");
    assertThat(usage.body()).doesNotContain("\"companyQuestions\":0,");
  }

  /**
   * An API client's embeddings follow the rules of a question: their tokens count toward the day's
   * quota, a used-up quota refuses them (OpenAI's {@code insufficient_quota}), and the auditor
   * finds the request by what it sent.
   */
  @Test
  void embeddingsCountTowardTheDaysTokensAreRefusedOnceUsedUpAndAudited() throws Exception {
    String alice = ApiIT.tokenFor("alice");
    String carol = ApiIT.tokenFor("carol");
    String marker = "embedded" + UUID.randomUUID().toString().substring(0, 8);
    String body =
        "{\"model\":\"bge-small-en-v1.5-q\",\"input\":[\""
            + marker
            + " annual leave\",\"sick days\"]}";
    long before = companyTokens(carol);

    HttpResponse<String> embedded = ApiIT.send("POST", "/v1/embeddings", alice, body);

    assertThat(embedded.statusCode()).as(embedded.body()).isEqualTo(200);
    Matcher tokens = Pattern.compile("\"prompt_tokens\":(\\d+)").matcher(embedded.body());
    assertThat(tokens.find()).isTrue();
    assertThat(companyTokens(carol) - before)
        .as("Acme's tokens today")
        .isGreaterThanOrEqualTo(Long.parseLong(tokens.group(1)));

    assertThat(ApiIT.send("PUT", "/api/policy", carol, "{\"companyTokensPerDay\":1}").statusCode())
        .isEqualTo(200);
    HttpResponse<String> refused = ApiIT.send("POST", "/v1/embeddings", alice, body);
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(429);
    assertThat(refused.body()).contains("insufficient_quota", "tokens today");
    assertThat(refused.headers().firstValue("Retry-After")).isPresent();

    HttpResponse<String> audited =
        ApiIT.send(
            "GET",
            "/api/audit/events?type=api.embeddings&q="
                + URLEncoder.encode(marker, StandardCharsets.UTF_8),
            ApiIT.tokenFor("audrey"),
            null);
    assertThat(audited.statusCode()).as(audited.body()).isEqualTo(200);
    assertThat(audited.body())
        .as("one event, of the request that was embedded")
        .contains("\"total\":1", "\"user\":\"alice\"", "\"model\":\"bge-small-en-v1.5-q\"")
        .contains(marker + " annual leave\\nsick days", "\"inputs\":2");
  }

  /** Acme's tokens of today, as its admin's usage overview says. */
  private static long companyTokens(String admin) throws Exception {
    HttpResponse<String> usage = ApiIT.send("GET", "/api/policy/usage", admin, null);
    assertThat(usage.statusCode()).as(usage.body()).isEqualTo(200);
    Matcher tokens = Pattern.compile("\"companyTokens\":(\\d+)").matcher(usage.body());
    assertThat(tokens.find()).as(usage.body()).isTrue();
    return Long.parseLong(tokens.group(1));
  }

  @Test
  void aPurgeNowIsRecordedInTheAuditTrailAndBoundsAreEnforced() throws Exception {
    String carol = ApiIT.tokenFor("carol");
    HttpResponse<String> outOfBounds =
        ApiIT.send("PUT", "/api/policy", carol, "{\"auditDays\":30}");
    assertThat(outOfBounds.statusCode()).isEqualTo(400);
    assertThat(outOfBounds.body()).contains("Audit events are kept 365 to");
    assertThat(ApiIT.send("PUT", "/api/policy", carol, "{\"conversationDays\":\"x\"}").statusCode())
        .isEqualTo(400);
    assertThat(ApiIT.send("PUT", "/api/policy", carol, "{\"conversationDays\":3650}").statusCode())
        .isEqualTo(200);

    HttpResponse<String> purged = ApiIT.send("POST", "/api/policy/purge", carol, null);
    assertThat(purged.statusCode()).as(purged.body()).isEqualTo(200);
    assertThat(purged.body()).contains("\"conversationsDeleted\":0");

    String trail =
        ApiIT.send(
                "GET",
                "/api/audit/events?type=retention.purged&user=carol&size=1",
                ApiIT.tokenFor("audrey"),
                null)
            .body();
    assertThat(trail).contains("\"type\":\"retention.purged\"", "\"conversationDays\":3650");
    assertThat(ApiIT.send("GET", "/api/policy", ApiIT.tokenFor("alice"), null).statusCode())
        .as("a member who is not admin")
        .isEqualTo(403);
  }

  @Test
  void theAdminPageSavesRetentionAndShowsTodaysUse() {
    try (Browser browser = new Browser()) {
      browser.open("/admin");
      browser.signIn("carol", Stack.demoPassword("carol"));
      browser.await(By.id("policy-form"));
      browser.awaitText(By.id("policy-usage"), "Today (UTC):");
      WebElement days = browser.await(By.cssSelector("#policy-conversation-days input"));
      days.sendKeys(Keys.chord(Keys.CONTROL, "a"), "400");
      browser.await(By.id("save-policy")).click();
      browser.awaitNotification("success", "Retention and quotas saved.");
      browser.screenshot("admin-policy");
    }
  }

  private static HttpResponse<String> ask(String token) throws Exception {
    String question = "Quota check " + UUID.randomUUID();
    return ApiIT.send(
        "POST",
        "/api/conversations",
        token,
        "{\"question\":\"" + URLEncoder.encode(question, StandardCharsets.UTF_8) + "\"}");
  }

  /** Three questions in one calendar minute: not across its end. */
  private static void awaitMinuteStart() throws InterruptedException {
    long intoMinute = System.currentTimeMillis() % 60_000;
    if (intoMinute > 45_000) {
      Thread.sleep(60_000 - intoMinute + 200);
    }
  }
}
