package org.wenjin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.wenjin.engine.openai.OpenAiProtocolServer;

/**
 * A flow in the chat view, end to end: alice picks "Knowledge — summarise then answer" and the
 * scripted model, watches the steps go by (search, one note per passage, the answer), and gets an
 * answer citing Acme's document; the steps are kept with the turn.
 */
class FlowChatIT {

  private static final int MODEL_PORT = Integer.getInteger("wenjin.it.model-port", 18999);

  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

  private static OpenAiProtocolServer model;

  private static long document;

  private Browser browser;

  @BeforeAll
  static void modelAndDocument() throws Exception {
    model = new OpenAiProtocolServer(MODEL_PORT);
    String carol = ApiIT.tokenFor("carol");
    document =
        KnowledgeApi.indexedMarkdown(
            carol,
            "bicycles-" + RUN + ".md",
            "# Bicycles "
                + RUN
                + "\n\nBicycles are parked in the courtyard rack Kappa-"
                + RUN
                + ".\n");
  }

  @AfterAll
  static void cleanUp() throws Exception {
    model.close();
    KnowledgeApi.send("DELETE", "/api/documents/" + document, ApiIT.tokenFor("carol"));
  }

  @BeforeEach
  void openBrowser() {
    browser = new Browser();
  }

  @AfterEach
  void closeBrowser() {
    browser.close();
  }

  @Test
  void summariseThenAnswerShowsItsStepsAndCitesTheDocument() {
    // slow enough to watch: each call writes 10 pieces, 60 ms apart
    model.answering(Collections.nCopies(10, "noted "), Duration.ofMillis(60));
    browser.open("/chat");
    browser.signIn("alice", Stack.demoPassword("alice"));
    browser.await(By.id("chat-empty"));
    browser.choose(By.id("model-select"), "Scripted test model");
    browser.choose(By.id("flow-select"), "Knowledge — summarise then answer");

    WebElement input = browser.await(By.cssSelector("#chat-input textarea"));
    input.sendKeys("Where are bicycles parked? " + RUN);
    input.sendKeys(Keys.ENTER);

    browser.until(
        "a note step shown",
        () ->
            browser.all(By.cssSelector("[id^='state-']")).stream()
                .anyMatch(s -> s.getText().matches("Step 2 of 3: “notes” \\d of \\d….*")));
    browser.screenshot("flow-steps");
    browser.until(
        "the answer saved",
        () ->
            browser.all(By.cssSelector("[id^='state-']")).stream()
                .anyMatch(s -> "COMPLETE".equals(s.getAttribute("status"))));
    List<WebElement> turns = browser.all(By.cssSelector("[id^='turn-']"));
    String turn = turns.get(turns.size() - 1).getAttribute("id").substring("turn-".length());
    assertThat(browser.await(By.id("sources-" + turn)).getText()).contains("Bicycles " + RUN);
    // the steps, folded under the answer: the search, a note per passage, the answer's prompt
    WebElement steps = browser.await(By.id("steps-" + turn));
    steps.click();
    browser.awaitText(By.id("steps-" + turn), "notes[1]");
    assertThat(steps.getText()).contains("search · retrieve", "Kappa-" + RUN, "answer · answer");
    browser.screenshot("flow-answered");
    // the answer step was sent the notes, one per passage, numbered as the passages
    assertThat(model.lastRequest().toString()).contains("Notes on passages").contains("[1] noted");
  }
}
