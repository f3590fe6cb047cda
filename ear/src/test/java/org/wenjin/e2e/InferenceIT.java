package org.wenjin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.wenjin.engine.djl.TinyModels;
import org.wenjin.engine.llama.TinyGguf;

/**
 * The inference pool inside WildFly: questions asking the DJL model at once share its decoding
 * steps (seen in {@code /api/metrics}); llama.cpp answers from a GGUF through the server's native
 * module; the platform admin watches it on the Inference page.
 */
class InferenceIT {

  private static final Pattern BATCHED =
      Pattern.compile(
          "wenjin_inference_batch_steps_total\\{batch_size=\"([2-9]|1[0-6])\",model=\"tiny-djl\"\\}"
              + " [1-9]");

  private static String ask(String user, String model, String question) throws Exception {
    return askWith(ApiIT.tokenFor(user), model, question);
  }

  private static String askWith(String token, String model, String question) throws Exception {
    HttpResponse<String> asked =
        ApiIT.send(
            "POST",
            "/api/conversations",
            token,
            "{\"question\":\"" + question + "\",\"model\":\"" + model + "\",\"documents\":false}");
    assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);
    Matcher id = Pattern.compile("\"id\":(\\d+)").matcher(asked.body());
    assertThat(id.find()).isTrue();
    ApiIT.send("DELETE", "/api/conversations/" + id.group(1), token, null);
    return asked.body();
  }

  @Test
  void fourQuestionsToTheDjlModelAtOnceShareItsDecodingSteps() throws Exception {
    TinyModels.ensureTrained(Path.of(System.getProperty("wenjin.it.tiny-model")));
    ask("bob", "tiny-djl", TinyModels.VPN_QUESTION); // loads the model first
    // Globex offers tiny-djl; tokens first: Keycloak refuses one user's logins at the same instant
    String bob = ApiIT.tokenFor("bob");
    String gina = ApiIT.tokenFor("gina");
    List<String> people = List.of(bob, gina, bob, gina);
    try (ExecutorService pool = Executors.newFixedThreadPool(people.size())) {
      List<Future<String>> answers = new ArrayList<>();
      for (String token : people) {
        answers.add(pool.submit(() -> askWith(token, "tiny-djl", TinyModels.LEAVE_QUESTION)));
      }
      for (Future<String> answer : answers) {
        assertThat(answer.get())
            .contains("\"status\":\"COMPLETE\"")
            .contains("\"answer\":\"" + TinyModels.LEAVE_ANSWER + "\"");
      }
    }

    String metrics = ApiIT.send("GET", "/api/metrics", ApiIT.tokenFor("root"), null).body();
    assertThat(metrics)
        .contains("# TYPE wenjin_inference_batch_steps_total counter")
        .contains("wenjin_inference_tokens_total{model=\"tiny-djl\"}")
        .contains("wenjin_inference_queue_wait_seconds{model=\"tiny-djl\",quantile=\"0.95\"}");
    assertThat(BATCHED.matcher(metrics).find())
        .as("decoding steps that ran two or more answers together:\n" + metrics)
        .isTrue();
  }

  @Test
  void llamaCppAnswersFromAGgufInsideTheServer() throws Exception {
    TinyGguf.ensureWritten(Path.of(System.getProperty("wenjin.it.tiny-gguf")));

    String answer = ask("gina", "tiny-llama", "如何申请年假？");

    // random weights: the words are noise, but llama.cpp read the GGUF, the chat template,
    // tokenised, decoded and streamed them inside WildFly
    assertThat(answer)
        .containsPattern("\"status\":\"(COMPLETE|TRUNCATED)\"")
        .contains("\"model\":\"tiny-llama\"")
        .doesNotContain("\"answer\":\"\"");
  }

  @Test
  void thePlatformAdminWatchesEachModelOnTheInferencePage() {
    try (Browser root = new Browser()) {
      root.open("/");
      root.signIn("root", Stack.demoPassword("root"));
      root.await(By.id("nav-inference")).click();
      root.await(By.id("inference-view"));
      root.awaitText(By.id("inference-grid"), "Scripted test model");
      root.awaitText(By.id("inference-grid"), "Tokens/s");
      root.await(By.id("inference-chart"));
      root.until(
          "three samples in the chart (one every 2 s)",
          () ->
              root.await(By.id("inference-chart"))
                  .getDomAttribute("aria-label")
                  .matches("Tokens per second, last ([3-9]|[1-9][0-9]) samples.*"));
      root.screenshot("inference-view");
    }
  }
}
