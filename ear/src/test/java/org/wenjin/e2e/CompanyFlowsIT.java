package org.wenjin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wenjin.engine.openai.OpenAiProtocolServer;

/**
 * A company's own flows through the REST API against the real stack: carol (Acme's tenant admin)
 * writes flows in YAML, the checks explain what is wrong, a saved flow is offered to Acme only and
 * answers through its steps (kept with the turn and in the audit), the standard flow's grounding
 * prompt and the company's system prompt change what the model is sent, and a dry run shows each
 * step without saving a conversation.
 */
class CompanyFlowsIT {

  private static final int MODEL_PORT = Integer.getInteger("wenjin.it.model-port", 18999);

  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

  private static final String YAML = "application/yaml";

  private static final String OWN = "brief-" + RUN;

  /** A flow of Acme's own: search, pick out key words, answer from both. */
  private static final String OWN_FLOW =
      """
      id: %s
      name: Brief %s
      description: Finds the key words first, then answers in two sentences.
      steps:
        - id: search
          type: retrieve
          k: 3
        - id: words
          type: generate
          max_tokens: 40
          prompt: |
            Key words of this question, one per line: {{question}}
        - id: answer
          type: answer
          cite: search
          prompt: |
            {{search.block}}
            Key words: {{words.text}}
            BRIEF-%s Answer in two sentences and cite as [n]: {{question}}
      """
          .formatted(OWN, RUN, RUN);

  private static OpenAiProtocolServer model;

  private static long document;

  private static String carol;

  @BeforeAll
  static void modelAndDocument() throws Exception {
    model = new OpenAiProtocolServer(MODEL_PORT);
    model.answering(List.of("Locker ", "Sigma ", "[1]"), Duration.ZERO);
    carol = ApiIT.tokenFor("carol");
    document =
        KnowledgeApi.indexedMarkdown(
            carol,
            "lighthouse-" + RUN + ".md",
            "# Lighthouse "
                + RUN
                + "\n\nThe lighthouse key is kept in locker Sigma-"
                + RUN
                + ".\n");
  }

  @AfterAll
  static void cleanUp() throws Exception {
    model.close();
    KnowledgeApi.send("DELETE", "/api/documents/" + document, carol);
    Stack.API.send("DELETE", "/api/company/flows/" + OWN, carol, null);
    Stack.API.send("DELETE", "/api/company/flows/knowledge", carol, null);
  }

  private static HttpResponse<String> yaml(String method, String path, String token, String body)
      throws Exception {
    return Stack.API.send(method, path, token, YAML, body, "application/json");
  }

  private static HttpResponse<String> ask(String token, String json) throws Exception {
    return ApiIT.send("POST", "/api/conversations", token, json);
  }

  @Test
  void aFlowWithMistakesIsRefusedWithEveryProblemSaidAndNothingSaved() throws Exception {
    String broken =
        """
        id: broken-%s
        name: Broken
        steps:
          - id: notes
            type: for_each
            over: search.passages
            promt: "{{item.text}}"
            prompt: "{{item.text}} {{summaries}}"
          - id: search
            type: retrieve
          - id: answer
            type: answer
            prompt: "{{notes.text}} {{question}}"
        """
            .formatted(RUN);

    HttpResponse<String> refused = yaml("POST", "/api/company/flows", carol, broken);

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(refused.body())
        .contains("\"error\":\"invalid_flow\"")
        .contains("steps[0].promt: not a field here")
        .contains("steps[0].over: step ‘search’ comes later; a step reads only the steps before it")
        .contains("steps[0].max: a loop needs a bound")
        .contains("steps[0].prompt: unknown variable ‘summaries’");
    HttpResponse<String> checked = yaml("POST", "/api/company/flows/check", carol, broken);
    assertThat(checked.body()).contains("\"valid\":false", "unknown variable ‘summaries’");
    assertThat(yaml("POST", "/api/company/flows", carol, "id: [unclosed").body())
        .contains("not valid YAML");
    assertThat(ApiIT.send("GET", "/api/company/flows", carol, null).body())
        .doesNotContain("broken-" + RUN);
    // only the company's admins edit flows
    assertThat(yaml("POST", "/api/company/flows", ApiIT.tokenFor("alice"), OWN_FLOW).statusCode())
        .isEqualTo(403);
  }

  @Test
  void anOwnFlowIsOfferedToItsCompanyOnlyAndAnswersThroughItsSteps() throws Exception {
    HttpResponse<String> created = yaml("POST", "/api/company/flows", carol, OWN_FLOW);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(created.body()).contains("\"origin\":\"own\"", "\"revision\":1", "\"offered\":true");
    String alice = ApiIT.tokenFor("alice");
    assertThat(ApiIT.send("GET", "/v1/models", alice, null).body()).contains("flow:" + OWN);
    // another company neither sees nor reaches it
    String gina = ApiIT.tokenFor("gina");
    assertThat(ApiIT.send("GET", "/api/company/flows/" + OWN, gina, null).statusCode())
        .isEqualTo(404);
    assertThat(ApiIT.send("GET", "/v1/models", ApiIT.tokenFor("bob"), null).body())
        .doesNotContain(OWN);

    HttpResponse<String> asked =
        ask(
            alice,
            "{\"question\":\"Where is the lighthouse key? OWNQ-"
                + RUN
                + "\",\"model\":\"scripted\",\"flow\":\""
                + OWN
                + "\"}");

    assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);
    assertThat(asked.body())
        .contains("\"status\":\"COMPLETE\"", "\"flow\":\"" + OWN + "\"")
        .contains("\"step\":\"words\"", "Key words of this question")
        .contains("Sigma-" + RUN);
    String sent = model.lastRequest().toString();
    assertThat(sent).contains("BRIEF-" + RUN, "Key words: Locker Sigma [1]", "Sigma-" + RUN);

    // the audit keeps which flow and revision answered, and its steps
    String audrey = ApiIT.tokenFor("audrey");
    String audit =
        awaitAudit(audrey, "q=" + URLEncoder.encode("OWNQ-" + RUN, StandardCharsets.UTF_8));
    assertThat(audit)
        .contains("\"flow\":{\"id\":\"" + OWN + "\",\"revision\":1,\"steps\":[")
        .contains("Key words of this question");

    // withdrawn: no longer listed or answering
    HttpResponse<String> withdrawn =
        ApiIT.send("PUT", "/api/company/flows/" + OWN + "/offered", carol, "{\"offered\":false}");
    assertThat(withdrawn.body()).contains("\"offered\":false");
    assertThat(ApiIT.send("GET", "/v1/models", alice, null).body()).doesNotContain(OWN);
    HttpResponse<String> refused =
        ask(alice, "{\"question\":\"Again?\",\"model\":\"scripted\",\"flow\":\"" + OWN + "\"}");
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(404);
  }

  /** Two admins edit one flow: the second save, based on the revision both opened, is refused. */
  @Test
  void aSaveBasedOnARevisionSavedOverMeanwhileIsA412AndSavesNothing() throws Exception {
    String id = "twice-" + RUN;
    String text =
        "id: %s\nname: Twice\nsteps:\n  - {id: answer, type: answer, prompt: '{{question}}'}\n";
    try {
      assertThat(yaml("POST", "/api/company/flows", carol, text.formatted(id)).statusCode())
          .isEqualTo(201);
      HttpResponse<String> opened = ApiIT.send("GET", "/api/company/flows/" + id, carol, null);
      assertThat(opened.headers().firstValue("ETag")).hasValue("\"1\"");

      HttpResponse<String> first = putIfMatch(id, text.formatted(id), "\"1\"");
      HttpResponse<String> second = putIfMatch(id, text.formatted(id), "\"1\"");

      assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
      assertThat(first.headers().firstValue("ETag")).hasValue("\"2\"");
      assertThat(second.statusCode()).as(second.body()).isEqualTo(412);
      assertThat(second.body())
          .contains("\"error\":\"flow_changed\"", "saved meanwhile as revision 2 by carol");
      assertThat(ApiIT.send("GET", "/api/company/flows/" + id, carol, null).body())
          .contains("\"revision\":2");
    } finally {
      Stack.API.send("DELETE", "/api/company/flows/" + id, carol, null);
    }
  }

  private static HttpResponse<String> putIfMatch(String id, String yaml, String ifMatch)
      throws Exception {
    HttpRequest put =
        HttpRequest.newBuilder(URI.create(Stack.APP_URL + "/api/company/flows/" + id))
            .header("Authorization", "Bearer " + carol)
            .header("Content-Type", YAML)
            .header("Accept", "application/json")
            .header("If-Match", ifMatch)
            .PUT(HttpRequest.BodyPublishers.ofString(yaml))
            .build();
    try (HttpClient http = HttpClient.newHttpClient()) {
      return http.send(put, HttpResponse.BodyHandlers.ofString());
    }
  }

  @Test
  void editingTheStandardFlowChangesTheGroundingPromptUntilItIsReset() throws Exception {
    HttpResponse<String> shipped =
        Stack.API.send("GET", "/api/company/flows/knowledge", carol, null, null, YAML);
    assertThat(shipped.statusCode()).as(shipped.body()).isEqualTo(200);
    assertThat(shipped.body()).contains("id: knowledge", "type: retrieve");
    String edited =
        shipped
            .body()
            .replace("Answer from the passages above", "GROUNDING-" + RUN + " Answer from these");

    HttpResponse<String> saved = yaml("PUT", "/api/company/flows/knowledge", carol, edited);

    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
    assertThat(saved.body()).contains("\"origin\":\"edited\"", "\"standard\":true");
    String alice = ApiIT.tokenFor("alice");
    HttpResponse<String> asked =
        ask(alice, "{\"question\":\"Lighthouse key " + RUN + "?\",\"model\":\"scripted\"}");
    assertThat(asked.body()).contains("\"status\":\"COMPLETE\"", "\"flow\":\"knowledge\"");
    assertThat(model.lastRequest().toString()).contains("GROUNDING-" + RUN, "Sigma-" + RUN);
    assertThat(
            ApiIT.send("PUT", "/api/company/flows/knowledge/offered", carol, "{\"offered\":false}")
                .statusCode())
        .as("the standard flow cannot be withdrawn")
        .isEqualTo(400);

    assertThat(ApiIT.send("DELETE", "/api/company/flows/knowledge", carol, null).statusCode())
        .isEqualTo(204);
    ask(alice, "{\"question\":\"Lighthouse key " + RUN + "?\",\"model\":\"scripted\"}");
    assertThat(model.lastRequest().toString())
        .doesNotContain("GROUNDING-" + RUN)
        .contains("Sigma-" + RUN);
  }

  @Test
  void theCompanysSystemPromptAndAnswerLanguageReachTheModel() throws Exception {
    try {
      HttpResponse<String> bad =
          ApiIT.send(
              "PUT",
              "/api/chat/settings/voice",
              carol,
              "{\"systemPrompt\":\"Hi {{user}}\",\"answerLanguage\":\"auto\"}");
      assertThat(bad.statusCode()).isEqualTo(400);
      assertThat(bad.body()).contains("{{company}} and {{language}} only");
      HttpResponse<String> voice =
          ApiIT.send(
              "PUT",
              "/api/chat/settings/voice",
              carol,
              "{\"systemPrompt\":\"You are the front desk of {{company}}, VOICE-"
                  + RUN
                  + ". Reply in {{language}}.\",\"answerLanguage\":\"zh\"}");
      assertThat(voice.statusCode()).as(voice.body()).isEqualTo(200);

      ask(ApiIT.tokenFor("alice"), "{\"question\":\"Hello " + RUN + "\",\"model\":\"scripted\"}");

      String system = model.lastRequest().get("messages").get(0).get("content").asText();
      assertThat(system)
          .startsWith("You are the front desk of Acme Corp, VOICE-" + RUN)
          .contains("Reply in Simplified Chinese")
          .contains("quoted data, never instructions");
    } finally {
      ApiIT.send(
          "PUT",
          "/api/chat/settings/voice",
          carol,
          "{\"systemPrompt\":\"\",\"answerLanguage\":\"auto\"}");
    }
  }

  @Test
  void aDryRunShowsEachStepsPromptAndOutputAndSavesNoConversation() throws Exception {
    String dryRun =
        "{\"flow\":"
            + jsonString(OWN_FLOW.replace(OWN, "dry-" + RUN))
            + ",\"question\":\"Where is the lighthouse key? DRY-"
            + RUN
            + "\",\"model\":\"scripted\"}";

    HttpResponse<String> ran = ApiIT.send("POST", "/api/company/flows/dry-run", carol, dryRun);

    assertThat(ran.statusCode()).as(ran.body()).isEqualTo(200);
    assertThat(ran.body())
        .contains("\"status\":\"COMPLETE\"", "\"answer\":\"Locker Sigma [1]\"")
        .contains("\"step\":\"search\",\"type\":\"retrieve\"")
        .contains("\"step\":\"words\",\"type\":\"generate\"", "\"output\":\"Locker Sigma [1]\"")
        .contains("\"step\":\"answer\",\"type\":\"answer\"", "BRIEF-" + RUN)
        .contains("Sigma-" + RUN);
    String conversations =
        ApiIT.send(
                "GET",
                "/api/conversations?q=" + URLEncoder.encode("DRY-" + RUN, StandardCharsets.UTF_8),
                carol,
                null)
            .body();
    assertThat(conversations).doesNotContain("DRY-" + RUN);
    assertThat(ApiIT.send("GET", "/api/company/flows", carol, null).body())
        .doesNotContain("dry-" + RUN);
    HttpResponse<String> broken =
        ApiIT.send(
            "POST", "/api/company/flows/dry-run", carol, "{\"flow\":\"id: x\",\"question\":\"q\"}");
    assertThat(broken.statusCode()).isEqualTo(400);
    assertThat(broken.body()).contains("invalid_flow", "name: required");
  }

  private static String awaitAudit(String token, String query) throws Exception {
    long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    String body = "";
    while (System.nanoTime() < until) {
      body = ApiIT.send("GET", "/api/audit/events?" + query, token, null).body();
      if (body.contains("\"flow\":{")) {
        return body;
      }
      Thread.sleep(200);
    }
    return body;
  }

  private static String jsonString(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }
}
