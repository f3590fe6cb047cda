package org.wenjin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wenjin.engine.openai.OpenAiProtocolServer;

/**
 * What one API call may cost, with clear answers: bodies over their limit (413), pages over the cap
 * (400), too many requests from one user (429 with Retry-After, and only for that user), and the
 * synchronous ask, which waits without holding a worker thread and still ends when stopped.
 *
 * <p>The test stack's rate budget (ear/pom.xml, the stack's environment) is generous for everyone,
 * so the other tests are never throttled, and strict for erin alone (5 at once, 60 a minute): she
 * has no chat API and the other tests make only one API call as her.
 */
class ApiLimitsIT {

  private static final int MODEL_PORT = Integer.getInteger("wenjin.it.model-port", 18999);
  private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
  private static final int ERIN_BURST = 5;

  private static String alice;

  @BeforeAll
  static void signIn() throws Exception {
    alice = ApiIT.tokenFor("alice");
  }

  @AfterAll
  static void letErinsBudgetFillUpAgain() throws InterruptedException {
    Thread.sleep(Duration.ofSeconds(ERIN_BURST + 1)); // one token a second
  }

  @Test
  void aJsonBodyOverOneMegabyteIsA413AndCreatesNothing() throws Exception {
    int before = count(ApiIT.send("GET", "/api/conversations?size=100", alice, null).body());
    String twoMegabytes = "{\"question\":\"" + "a".repeat(2 * 1024 * 1024) + "\"}";

    HttpResponse<String> refused = ApiIT.send("POST", "/api/conversations", alice, twoMegabytes);

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(413);
    assertThat(refused.headers().firstValue("Content-Type").orElse("")).contains("json");
    assertThat(refused.body())
        .contains("\"error\":\"too_large\"")
        .contains("The request body is larger than the limit of 1 MB");
    assertThat(count(ApiIT.send("GET", "/api/conversations?size=100", alice, null).body()))
        .isEqualTo(before);
  }

  @Test
  void aChunkedBodyWithoutContentLengthIsCutOffAtTheLimitToo() throws Exception {
    byte[] body =
        ("{\"question\":\"" + "b".repeat(3 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
    // HTTP/1.1 and a stream of unknown length: the JDK client sends it chunked
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(Stack.APP_URL + "/api/conversations"))
            .header("Authorization", "Bearer " + alice)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
            .build();

    HttpResponse<String> refused = http.send(request, HttpResponse.BodyHandlers.ofString());

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(413);
    assertThat(refused.body())
        .contains("\"error\":\"too_large\"")
        .contains("larger than the limit of 1 MB");
  }

  @Test
  void aPageSizeOverTheCapIsA400ThatSaysTheCap() throws Exception {
    HttpResponse<String> conversations =
        ApiIT.send("GET", "/api/conversations?size=101", alice, null);
    assertThat(conversations.statusCode()).isEqualTo(400);
    assertThat(conversations.body())
        .contains("\"error\":\"invalid_request\"")
        .contains("'size' must be 1 to 100 per page, not 101.");

    HttpResponse<String> search = ApiIT.send("GET", "/api/search?q=policy&size=51", alice, null);
    assertThat(search.statusCode()).isEqualTo(400);
    assertThat(search.body()).contains("'size' must be 1 to 50 per page, not 51.");

    String carol = ApiIT.tokenFor("carol");
    assertThat(ApiIT.send("GET", "/api/documents?size=1000", carol, null).body())
        .contains("1 to 100 per page");
    assertThat(ApiIT.send("GET", "/api/documents?page=-1", carol, null).body())
        .contains("'page' counts from 0");
    assertThat(ApiIT.send("GET", "/api/conversations?size=0", alice, null).statusCode())
        .isEqualTo(400);
    HttpResponse<String> notANumber = ApiIT.send("GET", "/api/search?q=x&page=two", alice, null);
    assertThat(notANumber.statusCode()).as("not JAX-RS's bare 404").isEqualTo(400);
    assertThat(notANumber.body()).contains("'page' must be a whole number");
  }

  @Test
  void aPageWithinTheCapHasAtMostThatMany() throws Exception {
    List<Long> asked = new ArrayList<>();
    try {
      for (int i = 0; i < 2; i++) {
        asked.add(
            firstId(
                ApiIT.send(
                        "POST",
                        "/api/conversations",
                        alice,
                        "{\"question\":\"Page test " + i + "\"}")
                    .body()));
      }

      String first = ApiIT.send("GET", "/api/conversations?size=1", alice, null).body();
      String second = ApiIT.send("GET", "/api/conversations?size=1&page=1", alice, null).body();

      assertThat(count(first)).isEqualTo(1);
      assertThat(count(second)).isEqualTo(1);
      assertThat(firstId(first)).as("newest first").isEqualTo(asked.get(1));
      assertThat(firstId(second)).isEqualTo(asked.get(0));
    } finally {
      for (long id : asked) {
        ApiIT.send("DELETE", "/api/conversations/" + id, alice, null);
      }
    }
  }

  @Test
  void aBurstOverTheBudgetIs429WithRetryAfterForThatUserOnly() throws Exception {
    String erin = ApiIT.tokenFor("erin");
    int accepted = 0;
    HttpResponse<String> limited = null;
    for (int i = 0; i < 10 * ERIN_BURST && limited == null; i++) {
      HttpResponse<String> response = ApiIT.send("GET", "/api/me", erin, null);
      if (response.statusCode() == 429) {
        limited = response;
      } else {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        accepted++;
      }
    }

    assertThat(limited)
        .as("erin's strict budget of the test stack (WENJIN_API_RATE_USER_ERIN_* in ear/pom.xml)")
        .isNotNull();
    assertThat(accepted).isGreaterThanOrEqualTo(ERIN_BURST);
    assertThat(limited.headers().firstValue("Content-Type").orElse("")).contains("json");
    assertThat(limited.body())
        .contains("\"status\":429")
        .contains("\"error\":\"rate_limited\"")
        .contains("Too many requests");
    long retryAfter = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
    assertThat(retryAfter).isBetween(1L, 60L);

    assertThat(ApiIT.send("GET", "/api/me", alice, null).statusCode())
        .as("another user is not limited")
        .isEqualTo(200);

    Thread.sleep(Duration.ofSeconds(retryAfter));
    assertThat(ApiIT.send("GET", "/api/me", erin, null).statusCode())
        .as("after Retry-After seconds erin may call again")
        .isEqualTo(200);
  }

  @Test
  void theReadinessCheckIsNeverRateLimited() throws Exception {
    for (int i = 0; i < 3 * ERIN_BURST; i++) {
      assertThat(ApiIT.send("GET", "/api/health/ready", null, null).statusCode()).isNotEqualTo(429);
    }
  }

  @Test
  void theSynchronousAskStillAnswers() throws Exception {
    HttpResponse<String> asked =
        ApiIT.send("POST", "/api/conversations", alice, "{\"question\":\"What is the policy?\"}");

    assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);
    assertThat(asked.body()).contains("\"status\":\"COMPLETE\"").contains("\"turns\":[{");
    ApiIT.send("DELETE", "/api/conversations/" + firstId(asked.body()), alice, null);
  }

  @Test
  void aWaitingAskEndsWithTheStoppedTurnWhenItsAnswerIsStopped() throws Exception {
    try (OpenAiProtocolServer model = new OpenAiProtocolServer(MODEL_PORT)) {
      model.answering(Collections.nCopies(400, "word "), Duration.ofMillis(25));
      String bob = ApiIT.tokenFor("bob");
      String marker = "Waiting ask " + UUID.randomUUID();
      CompletableFuture<HttpResponse<String>> waiting =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return ApiIT.send(
                      "POST",
                      "/api/conversations",
                      bob,
                      "{\"question\":\"" + marker + "\",\"model\":\"scripted\"}");
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });

      long conversation = awaitConversation(bob, marker);
      String turns = ApiIT.send("GET", "/api/conversations/" + conversation, bob, null).body();
      Matcher turn = Pattern.compile("\"turns\":\\[\\{\"id\":(\\d+)").matcher(turns);
      assertThat(turn.find()).as(turns).isTrue();
      assertThat(waiting).as("still waiting for the 10 s answer").isNotDone();
      assertThat(
              ApiIT.send("POST", "/api/turns/" + turn.group(1) + "/stop", bob, null).statusCode())
          .isEqualTo(204);

      HttpResponse<String> answered = waiting.get(30, TimeUnit.SECONDS);
      assertThat(answered.statusCode()).as(answered.body()).isEqualTo(201);
      // the stop may land before the first piece (the question is still being grounded, or the
      // model has not started) or after it: either way what was written is kept, however little
      assertThat(answered.body())
          .contains("\"status\":\"STOPPED\"")
          .containsPattern("\"answer\":\"(word ?)*\"");
      ApiIT.send("DELETE", "/api/conversations/" + conversation, bob, null);
    }
  }

  /** The id of the conversation whose question is {@code marker}, once it is saved. */
  private static long awaitConversation(String token, String marker) throws Exception {
    String path = "/api/conversations?q=" + URLEncoder.encode(marker, StandardCharsets.UTF_8);
    Instant deadline = Instant.now().plusSeconds(10);
    while (Instant.now().isBefore(deadline)) {
      String found = ApiIT.send("GET", path, token, null).body();
      if (found.contains(marker)) {
        return firstId(found);
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the question '" + marker + "' was not saved within 10 s");
  }

  private static long firstId(String json) {
    Matcher id = ID.matcher(json);
    assertThat(id.find()).as(json).isTrue();
    return Long.parseLong(id.group(1));
  }

  private static int count(String json) {
    // conversations in a listing: turns are not listed there, so every id is a conversation's
    return (int) ID.matcher(json).results().count();
  }
}
