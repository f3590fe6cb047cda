package org.wenjin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.wenjin.engine.djl.TinyModels;
import org.wenjin.engine.openai.OpenAiProtocolServer;

/**
 * A user's chat, end to end: the extractive fallback answers a fresh install, a model served over
 * the real OpenAI streaming protocol streams an answer that the user stops mid-way (the model
 * server sees the hang-up), regenerate, history found again in another browser, and other users
 * (same company or another) cannot open the conversation by its URL.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChatIT {

  private static final int MODEL_PORT = Integer.getInteger("wenjin.it.model-port", 18999);
  private static OpenAiProtocolServer model;
  private static String conversationPath;

  private Browser browser;

  @BeforeAll
  static void startModelServer() throws Exception {
    model = new OpenAiProtocolServer(MODEL_PORT);
  }

  @AfterAll
  static void stopModelServer() {
    model.close();
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
  @Order(1)
  void aFreshInstallAnswersWithTheExtractiveFallback() {
    signInToChat("alice");
    browser.await(By.id("chat-empty"));
    assertThat(browser.await(By.id("model-select")).getText()).contains("Document quotes (no LLM)");

    ask("How do I apply for annual leave?");

    String turn = awaitStatus("COMPLETE");
    assertThat(answerOf(turn)).startsWith("No language model is configured");
    assertThat(browser.await(By.id("state-" + turn)).getText())
        .isEqualTo("Answered by Document quotes (no LLM)");
    browser.awaitText(By.id("conversation-list"), "How do I apply for annual leave?");
    browser.awaitText(By.id("conversation-title"), "How do I apply for annual leave?");
    conversationPath = path();
    assertThat(conversationPath).matches("/chat/\\d+");
  }

  @Test
  @Order(2)
  void anAnswerStreamsAndStopsWithinAFractionOfASecondKeepingThePartialText() throws Exception {
    model.answering(Collections.nCopies(400, "word "), Duration.ofMillis(25));
    model.resetHangUps();
    signInToChat("alice");
    browser.open(conversationPath);
    browser.awaitText(By.id("conversation-title"), "annual leave");
    chooseModel("Scripted test model");

    ask("Explain the leave policy in detail");
    String turn = awaitStatus("STREAMING");
    browser.until("some words streamed", () -> answerOf(turn).length() > 40);
    browser.screenshot("chat-streaming");
    long before = System.nanoTime();
    browser.await(By.id("stop")).click();
    awaitStatusOf(turn, "STOPPED");
    long stopMs = (System.nanoTime() - before) / 1_000_000;
    browser.screenshot("chat-stopped");

    boolean hungUp = model.awaitHangUp(Duration.ofSeconds(2));
    long hangUpMs = (System.nanoTime() - before) / 1_000_000;
    System.out.printf(
        "Stop: 'Stopped' shown after %d ms, model server hung up after %d ms%n", stopMs, hangUpMs);
    assertThat(stopMs).as("stop reaches the browser quickly").isLessThan(2000);
    assertThat(hungUp).as("model server saw the stop").isTrue();
    String partial = answerOf(turn);
    assertThat(partial).startsWith("word ").hasSizeLessThan(400 * 5);
    Thread.sleep(300);
    assertThat(answerOf(turn)).as("nothing arrives after stop").isEqualTo(partial);
    assertThat(browser.await(By.id("state-" + turn)).getText()).contains("Stopped");
  }

  @Test
  @Order(3)
  void regenerateReplacesTheLastAnswer() {
    model.answering(
        List.of("Leave ", "is ", "requested ", "in ", "the ", "**HR portal**."), Duration.ZERO);
    signInToChat("alice");
    browser.open(conversationPath);
    chooseModel("Scripted test model");
    String last = lastTurnId();

    browser.await(By.id("regenerate")).click();

    awaitStatusOf(last, "COMPLETE");
    assertThat(answerOf(last)).isEqualTo("Leave is requested in the **HR portal**.");
    assertThat(model.lastRequest().path("messages").toString())
        .as("the history window carries the earlier turn")
        .contains("How do I apply for annual leave?");
  }

  @Test
  @Order(4)
  void historyIsOnTheServerAndOnlyItsOwnerCanOpenIt() {
    signInToChat("alice");
    browser.await(By.id("conversation-list")).findElement(By.tagName("vaadin-button")).click();
    browser.awaitText(By.id("turns"), "Leave is requested in the");
    assertThat(browser.all(By.cssSelector("[id^='turn-']"))).hasSize(2);
    browser.close();

    for (String intruder : List.of("carol", "bob")) {
      browser = new Browser();
      signInToChat(intruder);
      browser.open(conversationPath);
      browser.awaitNotification("error", "does not exist or is not yours");
      assertThat(browser.all(By.cssSelector("[id^='turn-']"))).as(intruder).isEmpty();
      assertThat(browser.await(By.id("conversation-list")).getText())
          .as(intruder + "'s sidebar")
          .doesNotContain("annual leave");
      browser.close();
    }
    browser = new Browser();
  }

  @Test
  @Order(5)
  void deletingAQuestionAndThenTheConversation() {
    signInToChat("alice");
    browser.open(conversationPath);
    String first = browser.await(By.cssSelector("[id^='turn-']")).getAttribute("id").substring(5);
    browser.await(By.id("delete-turn-" + first)).click();
    browser.awaitNotification("success", "deleted");
    browser.until("one turn left", () -> browser.all(By.cssSelector("[id^='turn-']")).size() == 1);

    // deleted while an answer is still being written: the answer stops, the deletion wins
    model.answering(Collections.nCopies(400, "more "), Duration.ofMillis(25));
    chooseModel("Scripted test model");
    ask("One more question");
    String streaming = awaitStatus("STREAMING");
    browser.until("answer streaming", () -> !answerOf(streaming).isEmpty());
    browser.await(By.id("delete-conversation")).click();
    browser
        .await(By.cssSelector("vaadin-confirm-dialog-overlay vaadin-button[slot='confirm-button']"))
        .click();
    browser.awaitNotification("success", "Conversation deleted");
    browser.await(By.id("chat-empty"));
    String id = conversationPath.substring("/chat/".length());
    assertThat(browser.all(By.id("conversation-" + id))).isEmpty();
    browser.open(conversationPath);
    browser.awaitNotification("error", "does not exist or is not yours");
  }

  @Test
  @Order(6)
  void theTinyDjlModelAnswersInTheBrowser() throws Exception {
    TinyModels.ensureTrained(Path.of(System.getProperty("wenjin.it.tiny-model")));
    signInToChat("gina");
    // /chat is already a new conversation; clicking "New conversation" would navigate again, and a
    // choice made before that round trip ends is reset with the model list (seen once on CI)
    browser.await(By.id("chat-empty"));
    chooseModel("Tiny DJL model (test)");

    ask(TinyModels.LEAVE_QUESTION);

    String turn = awaitStatus("COMPLETE");
    assertThat(answerOf(turn)).isEqualTo(TinyModels.LEAVE_ANSWER);
    assertThat(browser.await(By.id("state-" + turn)).getText())
        .isEqualTo("Answered by Tiny DJL model (test)");
    browser.screenshot("chat-tiny-djl");
    browser.await(By.id("delete-conversation")).click();
    browser
        .await(By.cssSelector("vaadin-confirm-dialog-overlay vaadin-button[slot='confirm-button']"))
        .click();
    browser.awaitNotification("success", "Conversation deleted");
  }

  private void signInToChat(String user) {
    browser.open("/chat");
    browser.signIn(user, Stack.demoPassword(user));
    browser.await(By.id("chat-view"));
  }

  private void ask(String question) {
    WebElement input = browser.await(By.cssSelector("#chat-input textarea"));
    input.sendKeys(question);
    input.sendKeys(Keys.ENTER);
  }

  private void chooseModel(String label) {
    browser.choose(By.id("model-select"), label);
  }

  private String lastTurnId() {
    List<WebElement> turns = browser.all(By.cssSelector("[id^='turn-']"));
    assertThat(turns).isNotEmpty();
    return turns.get(turns.size() - 1).getAttribute("id").substring("turn-".length());
  }

  private String awaitStatus(String status) {
    browser.until(
        "a turn with status " + status,
        () -> {
          List<WebElement> turns = browser.all(By.cssSelector("[id^='turn-']"));
          return !turns.isEmpty() && status.equals(statusOf(lastTurnId()));
        });
    return lastTurnId();
  }

  private void awaitStatusOf(String turn, String status) {
    browser.until("turn " + turn + " " + status, () -> status.equals(statusOf(turn)));
  }

  private String statusOf(String turn) {
    List<WebElement> state = browser.all(By.id("state-" + turn));
    return state.isEmpty() ? null : state.get(0).getAttribute("status");
  }

  private String answerOf(String turn) {
    Object text =
        browser.js(
            "const l = document.querySelector('#turn-' + arguments[0] + ' vaadin-message-list');"
                + " return l && l.items && l.items[1] ? l.items[1].text : '';",
            turn);
    return String.valueOf(text);
  }

  private String path() {
    return java.net.URI.create(browser.driver.getCurrentUrl()).getPath();
  }
}
