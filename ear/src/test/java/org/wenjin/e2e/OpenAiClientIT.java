package org.wenjin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wenjin.engine.openai.OpenAiProtocolServer;

/**
 * The OpenAI-compatible API as its users meet it: through the official {@code openai} npm client
 * ({@code src/test/openai-client/client.mjs}, run with Node.js), with a personal API key made over
 * the REST API, against the real stack. The scripted OpenAI-protocol model stands in for an LLM so
 * that what Wenjin sends it (sampling options, the client's system message) can be checked.
 */
class OpenAiClientIT {

  private static final int MODEL_PORT = Integer.getInteger("wenjin.it.model-port", 18999);

  private static final Path CLIENT =
      Path.of(System.getProperty("wenjin.it.openai-client", "target/openai-client"));

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

  private static OpenAiProtocolServer model;

  private static String alice;

  private static String key;

  private static long keyId;

  private static long document;

  @BeforeAll
  static void keyAndDocument() throws Exception {
    model = new OpenAiProtocolServer(MODEL_PORT);
    alice = ApiIT.tokenFor("alice");
    JsonNode created = created(alice, "openai client " + RUN);
    key = created.get("key").asText();
    keyId = created.get("id").asLong();
    String carol = ApiIT.tokenFor("carol");
    document =
        KnowledgeApi.indexedMarkdown(
            carol,
            "parking-" + RUN + ".md",
            "# Parking\n\nVisitors park in garage Zeta-" + RUN + " on level minus two.\n");
  }

  @AfterAll
  static void cleanUp() throws Exception {
    model.close();
    KnowledgeApi.send("DELETE", "/api/documents/" + document, ApiIT.tokenFor("carol"));
  }

  @Test
  void listsTheCompanysChatAndEmbeddingModels() throws Exception {
    JsonNode models = run(key, "models");

    assertThat(models.get("ok").asBoolean()).as(models.toString()).isTrue();
    assertThat(texts(models.get("ids")))
        .contains("extractive", "scripted", "bge-small-zh-v1.5-q", "bge-small-en-v1.5-q");
  }

  @Test
  void aCompletionPassesTheClientsOptionsToTheModelAndIsKeptInHistory() throws Exception {
    model.answering(List.of("Garage ", "Zeta ", "it is."), Duration.ZERO);

    JsonNode done = run(key, "complete", "scripted", "Where do visitors park? " + RUN);

    assertThat(done.get("ok").asBoolean()).as(done.toString()).isTrue();
    assertThat(done.get("object").asText()).isEqualTo("chat.completion");
    assertThat(done.get("content").asText()).isEqualTo("Garage Zeta it is.");
    assertThat(done.get("finish_reason").asText()).isEqualTo("stop");
    assertThat(done.at("/usage/completion_tokens").asInt()).isEqualTo(3);
    assertThat(done.at("/usage/prompt_tokens").asInt()).isPositive();
    JsonNode sent = model.lastRequest();
    assertThat(sent.get("temperature").asDouble()).isEqualTo(0.2);
    assertThat(sent.get("top_p").asDouble()).isEqualTo(0.5);
    assertThat(sent.get("max_tokens").asInt()).isEqualTo(50);
    assertThat(texts(sent.get("stop"))).containsExactly("END");
    String system = sent.at("/messages/0/content").asText();
    assertThat(system).startsWith("You are Wenjin").contains("Answer in one sentence.");
    // grounded on Acme's documents, and the passage is cited back to the client
    assertThat(sent.toString()).contains("Zeta-" + RUN);
    assertThat(done.get("citations").toString()).contains("parking-" + RUN + ".md");
    // the answer is alice's, in her history, like one asked in the chat view
    HttpResponse<String> conversation =
        ApiIT.send(
            "GET", "/api/conversations/" + done.get("conversation_id").asLong(), alice, null);
    assertThat(conversation.statusCode()).isEqualTo(200);
    assertThat(conversation.body()).contains("Garage Zeta it is.").contains("COMPLETE");
  }

  @Test
  void flowsAreListedAndSummariseThenAnswerCallsTheModelOncePerPassageThenAnswers()
      throws Exception {
    assertThat(texts(run(key, "models").get("ids")))
        .contains("flow:knowledge", "flow:knowledge-notes", "flow:translate");
    model.answering(List.of("noted"), Duration.ZERO);
    int before = model.requests();

    JsonNode done =
        run(key, "flow", "scripted", "knowledge-notes", "Where do visitors park? " + RUN);

    assertThat(done.get("ok").asBoolean()).as(done.toString()).isTrue();
    int calls = model.requests() - before;
    assertThat(calls).isBetween(2, 5); // one per passage found (at most 4), then the answer
    String answerPrompt = model.lastRequest().toString();
    assertThat(answerPrompt).contains("Notes on passages").contains("[1] noted");
    assertThat(done.get("citations").toString()).contains("parking-" + RUN + ".md");
    // every step is kept with the turn
    JsonNode conversation =
        JSON.readTree(
            ApiIT.send(
                    "GET",
                    "/api/conversations/" + done.get("conversation_id").asLong(),
                    alice,
                    null)
                .body());
    JsonNode turn = conversation.at("/turns/0");
    assertThat(turn.get("flow").asText()).isEqualTo("knowledge-notes");
    assertThat(turn.get("steps").size()).isEqualTo(calls + 1); // the search, the calls
    assertThat(turn.get("steps").toString()).contains("Zeta-" + RUN);
  }

  @Test
  void theStandardFlowIsTheGroundedAnswerAndAnUnknownFlowIsNotFound() throws Exception {
    JsonNode standard = run(key, "flow", "flow:knowledge", "-", "Where do visitors park? " + RUN);
    JsonNode unknown = run(key, "flow", "scripted", "no-such-flow", "hello");

    assertThat(standard.get("ok").asBoolean()).as(standard.toString()).isTrue();
    assertThat(standard.get("content").asText()).contains("Zeta-" + RUN); // extractive quotes it
    assertThat(unknown.get("status").asInt()).isEqualTo(404);
  }

  @Test
  void aStreamArrivesPieceByPieceWithItsUsage() throws Exception {
    model.answering(Collections.nCopies(20, "word "), Duration.ofMillis(5));

    JsonNode streamed = run(key, "stream", "scripted", "Say twenty words " + RUN);

    assertThat(streamed.get("ok").asBoolean()).as(streamed.toString()).isTrue();
    assertThat(streamed.get("content").asText()).isEqualTo("word ".repeat(20));
    assertThat(streamed.get("chunks").asInt()).isGreaterThan(20); // opening, 20 pieces, closing
    assertThat(streamed.get("finish_reason").asText()).isEqualTo("stop");
    assertThat(streamed.at("/usage/completion_tokens").asInt()).isEqualTo(20);
  }

  @Test
  void embeddingsComeFromTheKnowledgeBasesModels() throws Exception {
    JsonNode chinese = run(key, "embed", "bge-small-zh-v1.5-q");
    JsonNode english = run(key, "embed", "bge-small-en-v1.5-q");

    assertThat(chinese.get("ok").asBoolean()).as(chinese.toString()).isTrue();
    assertThat(chinese.get("count").asInt()).isEqualTo(2);
    assertThat(texts(chinese.get("dimensions"))).containsExactly("512", "512");
    assertThat(chinese.get("finite").asBoolean()).isTrue();
    assertThat(texts(english.get("dimensions"))).containsExactly("384", "384");
  }

  @Test
  void aClientThatHangsUpMidStreamStopsTheAnswerAndFreesTheSlot() throws Exception {
    model.answering(Collections.nCopies(400, "word "), Duration.ofMillis(25));
    model.resetHangUps();

    JsonNode left = run(key, "hangUp", "scripted", "Explain everything " + RUN, "5");

    assertThat(left.get("ok").asBoolean()).as(left.toString()).isTrue();
    assertThat(left.get("pieces").asInt()).isEqualTo(5);
    // Wenjin stopped the generation: it hung up on the model, long before 400 pieces (10 s)
    assertThat(model.awaitHangUp(Duration.ofSeconds(5))).isTrue();
    long turn = Long.parseLong(left.get("id").asText().substring("chatcmpl-".length()));
    String status = awaitFinal(left.get("conversation_id").asLong(), turn);
    assertThat(status).isEqualTo("STOPPED");
  }

  @Test
  void anUnknownModelIsNotFoundAndAnotherCompanysConversationIsNotReachable() throws Exception {
    JsonNode unknown = run(key, "complete", "gpt-4o", "hello");
    assertThat(unknown.get("status").asInt()).isEqualTo(404);
    assertThat(unknown.get("error").asText()).isEqualTo("NotFoundError");

    // bob (Globex) continues alice's (Acme) conversation by id: as if it did not exist
    model.answering(List.of("ok"), Duration.ZERO);
    JsonNode asked = run(key, "complete", "scripted", "A conversation of mine " + RUN);
    String bobKey = created(ApiIT.tokenFor("bob"), "bob's script " + RUN).get("key").asText();
    HttpResponse<String> intrusion =
        Stack.API.send(
            "POST",
            "/v1/chat/completions",
            bobKey,
            "{\"model\":\"scripted\",\"conversation_id\":"
                + asked.get("conversation_id").asLong()
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"show me\"}]}");
    assertThat(intrusion.statusCode()).as(intrusion.body()).isEqualTo(404);
    assertThat(intrusion.body()).contains("\"type\":\"invalid_request_error\"");
  }

  @Test
  void aRevokedKeyIsRefusedAndOnlyItsOwnerOrTheCompanysAdminSeesIt() throws Exception {
    JsonNode spare = created(alice, "to revoke " + RUN);
    String spareKey = spare.get("key").asText();
    assertThat(run(spareKey, "models").get("ok").asBoolean()).isTrue();
    // a key signs in to /v1 only: it cannot manage keys (or call anything of /api)
    assertThat(ApiIT.send("GET", "/api/me/api-keys", spareKey, null).statusCode()).isEqualTo(401);
    // alice is no admin of Acme; carol is, and sees alice's key by name, never its secret
    assertThat(ApiIT.send("GET", "/api/company/api-keys", alice, null).statusCode()).isEqualTo(403);
    String carol = ApiIT.tokenFor("carol");
    HttpResponse<String> company = ApiIT.send("GET", "/api/company/api-keys", carol, null);
    assertThat(company.body()).contains("to revoke " + RUN).doesNotContain(spareKey);
    // gina (Globex's admin) cannot revoke an Acme key
    assertThat(
            ApiIT.send(
                    "DELETE",
                    "/api/company/api-keys/" + spare.get("id").asLong(),
                    ApiIT.tokenFor("gina"),
                    null)
                .statusCode())
        .isEqualTo(404);
    assertThat(
            ApiIT.send("DELETE", "/api/company/api-keys/" + spare.get("id").asLong(), carol, null)
                .statusCode())
        .isEqualTo(204);

    JsonNode refused = run(spareKey, "models");

    assertThat(refused.get("ok").asBoolean()).isFalse();
    assertThat(refused.get("status").asInt()).isEqualTo(401);
    assertThat(refused.get("error").asText()).isEqualTo("AuthenticationError");
    assertThat(ApiIT.send("GET", "/api/me/api-keys", alice, null).body())
        .contains("\"revokedBy\":\"carol\"");
  }

  @Test
  void aKeycloakTokenWorksToo_noCredentialDoesNot() throws Exception {
    HttpResponse<String> withToken = Stack.API.send("GET", "/v1/models", alice, null);
    HttpResponse<String> without = Stack.API.send("GET", "/v1/models", null, null);

    assertThat(withToken.statusCode()).isEqualTo(200);
    assertThat(withToken.body()).contains("\"object\":\"list\"");
    assertThat(without.statusCode()).isEqualTo(401);
    assertThat(without.body()).contains("\"type\":\"authentication_error\"");
  }

  // --- helpers ---

  private static JsonNode created(String token, String name) throws Exception {
    HttpResponse<String> response =
        ApiIT.send("POST", "/api/me/api-keys", token, "{\"name\":\"" + name + "\"}");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return JSON.readTree(response.body());
  }

  /** Runs one scenario of the Node client; its last line of output is the result. */
  private static JsonNode run(String apiKey, String... scenario) throws Exception {
    List<String> command = new ArrayList<>(List.of("node", "client.mjs"));
    command.addAll(List.of(scenario));
    ProcessBuilder builder = new ProcessBuilder(command).directory(CLIENT.toFile());
    builder.environment().put("WENJIN_BASE_URL", Stack.APP_URL + "/v1");
    builder.environment().put("WENJIN_API_KEY", apiKey);
    builder.redirectErrorStream(true);
    Process node = builder.start();
    String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(node.waitFor(90, TimeUnit.SECONDS)).as("node finished").isTrue();
    String[] lines = output.strip().split("\n");
    return JSON.readTree(lines[lines.length - 1]);
  }

  private static String awaitFinal(long conversationId, long turnId) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    String status = "";
    while (System.nanoTime() < deadline) {
      JsonNode conversation =
          JSON.readTree(
              ApiIT.send("GET", "/api/conversations/" + conversationId, alice, null).body());
      for (JsonNode t : conversation.get("turns")) {
        if (t.get("id").asLong() == turnId) {
          status = t.get("status").asText();
        }
      }
      if (!status.isEmpty() && !status.equals("STREAMING")) {
        return status;
      }
      Thread.sleep(200);
    }
    return status;
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(n -> texts.add(n.asText()));
    return texts;
  }
}
