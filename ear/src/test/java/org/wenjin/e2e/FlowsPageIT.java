package org.wenjin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The flow editor in the browser: carol, Acme's tenant admin, starts a new flow, is told what is
 * wrong with it, switches it to JSON, dry-runs it on a question and saves it; alice then finds it
 * beside the model in the chat. And she words the assistant on the Admin page.
 */
class FlowsPageIT {

  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

  private static final String FLOW = "page-" + RUN;

  private static final String FORM_FLOW = "form-" + RUN;

  private Browser browser;

  @BeforeEach
  void openBrowser() {
    browser = new Browser();
  }

  @AfterEach
  void closeBrowser() throws Exception {
    browser.close();
    String carol = ApiIT.tokenFor("carol");
    Stack.API.send("DELETE", "/api/company/flows/" + FLOW, carol, null);
    Stack.API.send("DELETE", "/api/company/flows/" + FORM_FLOW, carol, null);
  }

  private void write(String text) {
    fill(By.id("flow-text"), text);
  }

  /** Sets a Vaadin field's value as typing and leaving it would. */
  private void fill(By field, String text) {
    WebElement area = browser.await(field);
    browser.js(
        "arguments[0].value = arguments[1];"
            + " arguments[0].dispatchEvent(new CustomEvent('change', {bubbles: true}));",
        area,
        text);
  }

  private String written() {
    return String.valueOf(
        browser.js("return arguments[0].value;", browser.await(By.id("flow-text"))));
  }

  @Test
  void anAdminWritesAFlowChecksItDryRunsItAndOffersIt() throws Exception {
    browser.open("/");
    browser.signIn("carol", Stack.demoPassword("carol"));
    browser.await(By.id("nav-flows")).click();
    browser.awaitText(By.id("flows-grid"), "Knowledge — summarise then answer");
    browser.await(By.id("new-flow")).click();
    browser.await(By.id("flow-text"));
    assertThat(written()).contains("id: my-flow", "type: retrieve");

    write(written().replace("Question: {{question}}", "{{summaries}} {{question}}"));
    browser.await(By.id("flow-check")).click();

    browser.awaitText(By.id("flow-problems"), "unknown variable ‘summaries’");
    browser.screenshot("flow-editor-problems");

    write(
        written()
            .replace("{{summaries}} {{question}}", "Question: {{question}}")
            .replace("id: my-flow", "id: " + FLOW)
            .replace("name: My flow", "name: Page flow " + RUN));
    browser.all(By.cssSelector("#flow-format vaadin-radio-button")).stream()
        .filter(b -> b.getText().contains("JSON"))
        .findFirst()
        .orElseThrow()
        .click();
    browser.until("the flow shown as JSON", () -> written().strip().startsWith("{"));
    assertThat(written()).contains("\"id\": \"" + FLOW + "\"");

    browser
        .await(By.cssSelector("#dry-run-question input"))
        .sendKeys("What does the handbook say?");
    browser.await(By.id("dry-run")).click();
    browser.awaitText(By.id("dry-run-progress"), "Done");
    browser.js("arguments[0].scrollIntoView();", browser.await(By.id("dry-run-steps")));
    browser.awaitText(By.id("dry-run-steps"), "search · retrieve");
    assertThat(browser.await(By.id("dry-run-steps")).getText()).contains("answer · answer");
    browser.screenshot("flow-editor-dry-run");

    browser.await(By.id("flow-save")).click();
    browser.awaitNotification("success", "Saved");
    browser.awaitText(By.id("flows-grid"), "Page flow " + RUN);
    assertThat(browser.await(By.id("flows-grid")).getText()).contains("Your own (revision 1)");
    browser.screenshot("flows-list");

    // a colleague chooses it beside the model
    try (Browser alice = new Browser()) {
      alice.open("/chat");
      alice.signIn("alice", Stack.demoPassword("alice"));
      alice.await(By.id("chat-empty"));
      alice.choose(By.id("flow-select"), "Page flow " + RUN);
    }
  }

  /** The element scrolled to the middle of the editor, where a click reaches it. */
  private WebElement inView(By locator) {
    browser.until(locator + " on the page", () -> !browser.all(locator).isEmpty());
    WebElement element = browser.all(locator).getFirst();
    browser.js("arguments[0].scrollIntoView({block: 'center'});", element);
    return element;
  }

  private void showAs(String mode) {
    browser.all(By.cssSelector("#flow-format vaadin-radio-button")).stream()
        .filter(b -> b.getText().contains(mode))
        .findFirst()
        .orElseThrow()
        .click();
  }

  @Test
  void anAdminBuildsAFlowStepByStepInTheForm() throws Exception {
    browser.open("/");
    browser.signIn("carol", Stack.demoPassword("carol"));
    browser.await(By.id("nav-flows")).click();
    browser.await(By.id("new-flow")).click();
    browser.await(By.id("flow-text"));

    showAs("Form");
    browser.awaitText(By.id("flow-step-1"), "Step 1");
    assertThat(browser.await(By.id("flow-step-2")).getText()).contains("answer: the answer");
    fill(By.id("flow-form-id"), FORM_FLOW);
    fill(By.id("flow-form-name"), "Form flow " + RUN);
    inView(By.id("flow-form-add"));
    browser.choose(By.id("flow-form-new-type"), "generate: one model call");
    inView(By.id("flow-form-add")).click();
    browser.awaitText(By.id("flow-step-3"), "Step 3"); // the answer moved down
    fill(By.id("flow-step-2-id"), "draft");
    fill(By.id("flow-step-2-prompt"), "List what {{search.block}} says about {{question}}.");
    fill(
        By.id("flow-step-3-prompt"),
        "Notes: {{draft.text}}\n{{search.block}}\nAnswer and cite as [n]: {{question}}");
    browser.js(
        "arguments[0].scrollIntoView({block: 'center'});", browser.await(By.id("flow-step-2")));
    browser.screenshot("flow-editor-form");

    browser.await(By.id("flow-check")).click();
    // above the form, scrolled out of the dialog's view, where WebDriver reads no text; Vaadin
    // sends it to the browser only once it is shown
    browser.until(
        "the check's outcome",
        () ->
            browser.all(By.id("flow-problems")).stream()
                .anyMatch(p -> p.getDomAttribute("hidden") == null));
    inView(By.id("flow-problems"));
    browser.awaitText(By.id("flow-problems"), "No problems");
    showAs("YAML");
    browser.until("the flow shown as YAML", () -> written().contains("id: " + FORM_FLOW));
    assertThat(written()).contains("id: draft", "type: generate", "{{draft.text}}");

    browser.await(By.id("flow-save")).click();
    browser.awaitNotification("success", "Saved");
    browser.awaitText(By.id("flows-grid"), "Form flow " + RUN);
    String saved =
        Stack.API
            .send("GET", "/api/company/flows/" + FORM_FLOW, ApiIT.tokenFor("carol"), null)
            .body();
    assertThat(saved).contains("\"id\":\"draft\"", "\"type\":\"generate\"");
  }

  @Test
  void anAdminSetsHowTheAssistantSpeaks() throws Exception {
    String carol = ApiIT.tokenFor("carol");
    try {
      browser.open("/admin");
      browser.signIn("carol", Stack.demoPassword("carol"));
      WebElement prompt = browser.await(By.cssSelector("#system-prompt textarea"));
      assertThat(prompt.getDomAttribute("placeholder"))
          .contains("knowledge assistant of {{company}}");
      browser.js(
          "arguments[0].value = arguments[1];"
              + " arguments[0].dispatchEvent(new CustomEvent('change', {bubbles: true}));",
          browser.await(By.id("system-prompt")),
          "You are the help desk of {{company}} (" + RUN + "). Reply in {{language}}.");
      browser.js(
          "arguments[0].scrollIntoView({block: 'center'});",
          browser.await(By.id("voice-settings")));
      browser.choose(By.id("answer-language"), "Always Chinese");
      browser.await(By.id("save-voice")).click();
      browser.awaitNotification("success", "Assistant saved");
      browser.screenshot("admin-assistant");

      String saved = Stack.API.send("GET", "/api/chat/settings/voice", carol, null).body();
      assertThat(saved)
          .contains("help desk of {{company}} (" + RUN + ")", "\"answerLanguage\":\"zh\"");
    } finally {
      Stack.API.send(
          "PUT",
          "/api/chat/settings/voice",
          carol,
          "{\"systemPrompt\":\"\",\"answerLanguage\":\"auto\"}");
    }
  }
}
