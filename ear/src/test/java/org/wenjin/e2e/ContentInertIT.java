package org.wenjin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * A document written to attack whoever reads answers from it (a foreign link, a tracking image, raw
 * HTML with script) is quoted by the extractive model into a chat answer, and the answer shows all
 * of it as text: no image, no script, no link but to the app's own documents. The pages and the API
 * carry a Content-Security-Policy, and the original file comes back sandboxed.
 */
class ContentInertIT {

  private static final String DOCUMENT =
      "# 访客停车规定\n\n"
          + "访客车辆请停在B区斑马门后的访客停车场，访客停车免费，访客车辆最多停放四小时。"
          + "预约访客车位请点[这里](http://attacker.example/book)，"
          + "地图见 ![x](http://127.0.0.1:9/x.png) <img src=x onerror=alert(1)>"
          + " <script>window.wenjinPwned = 1</script> 或访问 www.attacker.example 。\n";

  private static final String QUESTION = "访客车辆应该停在哪里？";

  private static String carol;
  private static long document;

  private Browser browser;

  @BeforeAll
  static void carolUploadsAHostileDocument() throws Exception {
    carol = ApiIT.tokenFor("carol");
    // a comment unique to this run: a file left by a failed earlier run would be refused as a copy
    String run = "\n<!-- " + UUID.randomUUID() + " -->\n";
    document =
        KnowledgeApi.id(
            KnowledgeApi.upload(
                carol,
                "visitor-parking.md",
                (DOCUMENT + run).getBytes(StandardCharsets.UTF_8),
                Map.of()));
    assertThat(KnowledgeApi.awaitSettled(carol, document)).contains("\"status\":\"INDEXED\"");
  }

  @AfterAll
  static void carolRemovesIt() throws Exception {
    KnowledgeApi.send("DELETE", "/api/documents/" + document, carol);
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
  void anAnswerQuotingTheDocumentShowsItsMarkupAsText() {
    browser.open("/chat");
    browser.signIn("carol", Stack.demoPassword("carol"));
    browser.await(By.id("chat-view"));
    browser.await(By.id("chat-empty"));
    browser.choose(By.id("model-select"), "Document quotes (no LLM)");
    WebElement input = browser.await(By.cssSelector("#chat-input textarea"));
    input.sendKeys(QUESTION);
    input.sendKeys(Keys.ENTER);

    browser.until(
        "answer complete",
        () -> !browser.all(By.cssSelector("[id^='state-'][status='COMPLETE']")).isEmpty());
    String turn =
        browser
            .await(By.cssSelector("[id^='turn-']"))
            .getAttribute("id")
            .substring("turn-".length());
    browser.awaitText(By.id("turn-" + turn), "访客车辆请停在B区");
    browser.screenshot("content-inert-answer");

    @SuppressWarnings("unchecked")
    Map<String, Object> rendered =
        (Map<String, Object>)
            browser.js(
                "const turn = document.getElementById('turn-' + arguments[0]);"
                    + "const hrefs = [...turn.querySelectorAll('a')].map(a => a.getAttribute('href'));"
                    + "return {"
                    + " images: turn.querySelectorAll('img').length,"
                    + " scripts: turn.querySelectorAll('script, iframe, object, embed').length,"
                    + " handlers: turn.querySelectorAll('[onerror], [onload], [onclick]').length,"
                    + " hrefs: hrefs.map(String),"
                    + " text: [...turn.querySelectorAll('vaadin-markdown')].map(m => m.innerText)"
                    + ".join('\\n'),"
                    + " pwned: window.wenjinPwned === 1,"
                    + " fetched: performance.getEntriesByType('resource').map(e => e.name)"
                    + ".filter(n => n.includes('127.0.0.1:9') || n.includes('attacker.example'))"
                    + "};",
                turn);

    assertThat(rendered.get("images")).as("images in the turn").isEqualTo(0L);
    assertThat(rendered.get("scripts")).as("scripts, frames, objects").isEqualTo(0L);
    assertThat(rendered.get("handlers")).as("event handler attributes").isEqualTo(0L);
    assertThat((List<?>) rendered.get("hrefs"))
        .as("every link leads to one of the app's documents (the citations)")
        .isNotEmpty()
        .allSatisfy(href -> assertThat(href).asString().matches("knowledge/document/\\d+.*"));
    assertThat((String) rendered.get("text"))
        .contains("这里 (http://attacker.example/book)")
        .contains("<img src=x onerror=alert(1)>")
        .contains("<script>window.wenjinPwned = 1</script>")
        .contains("www.attacker.example");
    assertThat(rendered.get("pwned")).as("the document's script ran").isEqualTo(false);
    assertThat((List<?>) rendered.get("fetched")).as("requests to foreign hosts").isEmpty();

    Map<String, String> page = headersOf("/chat");
    assertThat(page.get("content-security-policy"))
        .contains("default-src 'self'")
        .contains("img-src 'self'")
        .contains("object-src 'none'")
        .contains("base-uri 'self'")
        .contains("frame-ancestors 'none'")
        .contains("form-action 'self' " + Stack.KEYCLOAK_URL);
    assertThat(page.get("x-content-type-options")).isEqualTo("nosniff");
    assertThat(page.get("referrer-policy")).isEqualTo("same-origin");

    browser.await(By.id("delete-conversation")).click();
    browser
        .await(By.cssSelector("vaadin-confirm-dialog-overlay vaadin-button[slot='confirm-button']"))
        .click();
    browser.awaitNotification("success", "Conversation deleted");
  }

  @Test
  void theOriginalFileDownloadsSandboxedAndIsNeverSniffed() {
    browser.open("/knowledge/document/" + document + "?passage=0");
    browser.signIn("alice", Stack.demoPassword("alice"));
    browser.await(By.id("document-view"));
    WebElement original = browser.await(By.id("document-original"));
    assertThat(original.getText()).isEqualTo("Download the original file");

    Map<String, String> file = headersOf(original.getAttribute("href"));

    assertThat(file.get("status")).isEqualTo("200");
    assertThat(file.get("x-content-type-options")).isEqualTo("nosniff");
    assertThat(file.get("content-security-policy")).isEqualTo("sandbox");
    assertThat(file.get("content-disposition"))
        .startsWith("attachment")
        .contains("visitor-parking.md");
    assertThat(file.get("content-type")).contains("markdown").doesNotContain("html");
  }

  @Test
  void apiAnswersCarryAPolicyThatAllowsNothing() throws Exception {
    HttpResponse<String> me = Stack.API.send("GET", "/api/me", carol, null);

    assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
    assertThat(me.headers().firstValue("Content-Type").orElse("")).contains("json");
    assertThat(me.headers().firstValue("Content-Security-Policy").orElse(""))
        .contains("default-src 'none'")
        .contains("frame-ancestors 'none'");
    assertThat(me.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(me.headers().firstValue("Referrer-Policy")).contains("same-origin");
  }

  /** A same-origin GET from the signed-in browser: its status and the headers this test reads. */
  private Map<String, String> headersOf(String url) {
    @SuppressWarnings("unchecked")
    Map<String, String> headers =
        (Map<String, String>)
            ((JavascriptExecutor) browser.driver)
                .executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0]).then(r => { const h = {status: String(r.status)};"
                        + " for (const n of ['content-security-policy', 'x-content-type-options',"
                        + " 'referrer-policy', 'content-disposition', 'content-type'])"
                        + " h[n] = r.headers.get(n) || '';"
                        + " done(h); });",
                    url);
    return headers;
  }
}
