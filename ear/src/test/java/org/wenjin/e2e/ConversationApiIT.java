package org.wenjin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wenjin.engine.djl.TinyModels;

/**
 * The conversation API with real Keycloak tokens: a script asks and gets the saved answer; other
 * users — a colleague, a user of another company, an admin of either company — get the same 404 for
 * the conversation's id as for an id that does not exist, for reading and for deleting.
 */
class ConversationApiIT {

  private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
  private static String alice;
  private static long conversationId;

  @BeforeAll
  static void aliceAsksByScript() throws Exception {
    alice = ApiIT.tokenFor("alice");
    HttpResponse<String> asked =
        send(
            "POST",
            "/api/conversations",
            alice,
            "{\"question\":\"报销流程是什么？ How are expenses reimbursed?\"}");
    assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);
    assertThat(asked.body()).contains("\"status\":\"COMPLETE\"", "尚未配置语言模型");
    Matcher id = ID.matcher(asked.body());
    assertThat(id.find()).isTrue();
    conversationId = Long.parseLong(id.group(1));
  }

  /** Access tokens last five minutes; a test must not depend on how long the ones before took. */
  @BeforeEach
  void freshToken() throws Exception {
    alice = ApiIT.tokenFor("alice");
  }

  @Test
  void theOwnerReadsTheConversationWithItsTurns() throws Exception {
    HttpResponse<String> read = send("GET", "/api/conversations/" + conversationId, alice, null);

    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(read.body()).contains("\"title\":\"报销流程是什么？ How are expenses reimbursed?\"");
    assertThat(
            send(
                    "GET",
                    "/api/conversations?q=" + URLEncoder.encode("报销", StandardCharsets.UTF_8),
                    alice,
                    null)
                .body())
        .contains("\"id\":" + conversationId);
  }

  @Test
  void otherUsersGetTheSame404AsForAMissingId() throws Exception {
    int cases = 0;
    for (String intruder : List.of("carol", "bob", "gina")) {
      String token = ApiIT.tokenFor(intruder);
      for (String method : List.of("GET", "DELETE")) {
        HttpResponse<String> attempt =
            send(method, "/api/conversations/" + conversationId, token, null);
        assertThat(attempt.statusCode()).as(intruder + " " + method).isEqualTo(404);
        assertThat(attempt.body()).contains("does not exist or is not yours");
        cases++;
      }
      assertThat(
              send(
                      "GET",
                      "/api/conversations?q=" + URLEncoder.encode("报销", StandardCharsets.UTF_8),
                      token,
                      null)
                  .body())
          .as(intruder + " search")
          .doesNotContain("\"id\":" + conversationId);
      cases++;
    }
    assertThat(send("GET", "/api/conversations/999999999", alice, null).statusCode())
        .isEqualTo(404);
    assertThat(send("GET", "/api/conversations/" + conversationId, alice, null).statusCode())
        .as("still there for its owner")
        .isEqualTo(200);
    System.out.println("Conversation API: " + cases + " cross-user attack cases denied");
  }

  @Test
  void anEmptyQuestionIsRefusedAndNothingIsCreated() throws Exception {
    int before = count(send("GET", "/api/conversations", alice, null).body());

    HttpResponse<String> refused =
        send("POST", "/api/conversations", alice, "{\"question\":\"  \"}");

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("Type a question first.");
    assertThat(count(send("GET", "/api/conversations", alice, null).body())).isEqualTo(before);
  }

  @Test
  void aBodyThatIsNotJsonIsA400() throws Exception {
    HttpResponse<String> refused = send("POST", "/api/conversations", alice, "");

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("not valid JSON");
  }

  @Test
  void thePlatformAdminHasNoChatApi() throws Exception {
    // (auditors are members of their company now, decision 0008: they chat like any member)
    assertThat(send("GET", "/api/conversations", ApiIT.tokenFor("root"), null).statusCode())
        .isEqualTo(403);
  }

  @Test
  void platformAdminsSeeEachModelsSlotsAndQueue() throws Exception {
    HttpResponse<String> load = send("GET", "/api/inference/models", ApiIT.tokenFor("root"), null);

    assertThat(load.statusCode()).isEqualTo(200);
    assertThat(load.body()).contains("\"id\":\"extractive\"", "\"id\":\"scripted\"", "\"queued\":");
    assertThat(send("GET", "/api/inference/models", alice, null).statusCode()).isEqualTo(403);
  }

  @Test
  void aTenantAdminChoosesTheModelsHerCompanyOffers() throws Exception {
    String carol = ApiIT.tokenFor("carol");
    String before = send("GET", "/api/chat/settings", carol, null).body();
    assertThat(before).contains("\"id\":\"extractive\"", "\"id\":\"scripted\"");
    try {
      HttpResponse<String> only =
          send(
              "PUT",
              "/api/chat/settings",
              carol,
              "{\"offered\":[\"extractive\"],\"preselected\":\"extractive\",\"historyTurns\":3}");
      assertThat(only.statusCode()).isEqualTo(200);
      assertThat(only.body()).contains("\"offered\":[\"extractive\"]", "\"historyTurns\":3");

      HttpResponse<String> refused =
          send(
              "POST",
              "/api/conversations",
              alice,
              "{\"question\":\"hello\",\"model\":\"scripted\"}");
      assertThat(refused.statusCode()).isEqualTo(400);
      assertThat(refused.body()).contains("does not offer the model ‘scripted’");

      HttpResponse<String> unknown =
          send(
              "PUT",
              "/api/chat/settings",
              carol,
              "{\"offered\":[\"gpt-9\"],\"preselected\":\"gpt-9\",\"historyTurns\":3}");
      assertThat(unknown.statusCode()).isEqualTo(400);
      assertThat(unknown.body()).contains("There is no registered model ‘gpt-9’.");
      assertThat(send("GET", "/api/chat/settings", alice, null).statusCode()).isEqualTo(403);
    } finally {
      send(
          "PUT",
          "/api/chat/settings",
          carol,
          "{\"offered\":[\"extractive\",\"scripted\"],\"preselected\":\"extractive\",\"historyTurns\":5}");
    }
  }

  @Test
  void theTinyDjlModelAnswersFromInsideTheServer() throws Exception {
    // a real decoder, trained here (no weights can be downloaded), registered in the test stack's
    // model file as tiny-djl and loaded on its first question by the server's DJL/PyTorch module
    TinyModels.ensureTrained(Path.of(System.getProperty("wenjin.it.tiny-model")));
    String bob = ApiIT.tokenFor("bob");
    HttpResponse<String> asked =
        send(
            "POST",
            "/api/conversations",
            bob,
            "{\"question\":\""
                + TinyModels.LEAVE_QUESTION
                + "\",\"model\":\"tiny-djl\",\"documents\":false}");

    assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);
    assertThat(asked.body())
        .contains("\"status\":\"COMPLETE\"")
        .contains("\"answer\":\"" + TinyModels.LEAVE_ANSWER + "\"")
        .contains("\"model\":\"tiny-djl\"");
    Matcher id = ID.matcher(asked.body());
    assertThat(id.find()).isTrue();
    send("DELETE", "/api/conversations/" + id.group(1), bob, null);
  }

  @Test
  void aModelThatCannotLoadFailsTheAnswerWithAReasonForUsers() throws Exception {
    // broken-gguf is a llama.cpp model whose file is not a GGUF: llama.cpp's native library
    // loads inside WildFly (from the org.wenjin.inference module) and refuses the file
    String bob = ApiIT.tokenFor("bob");
    HttpResponse<String> asked =
        send(
            "POST",
            "/api/conversations",
            bob,
            "{\"question\":\"What is our travel policy?\",\"model\":\"broken-gguf\"}");

    assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);
    assertThat(asked.body())
        .contains("\"status\":\"FAILED\"")
        .contains("Broken GGUF (test) cannot be loaded right now; the server log says why.")
        .doesNotContain("not-a-model.gguf");
    Matcher id = ID.matcher(asked.body());
    assertThat(id.find()).isTrue();
    assertThat(send("DELETE", "/api/conversations/" + id.group(1), bob, null).statusCode())
        .isEqualTo(204);
  }

  private static int count(String json) {
    return (int) ID.matcher(json).results().count();
  }

  private static HttpResponse<String> send(String method, String path, String token, String body)
      throws Exception {
    return ApiIT.send(method, path, token, body);
  }
}
