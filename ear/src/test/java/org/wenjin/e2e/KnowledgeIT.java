package org.wenjin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The knowledge base in the browser: carol uploads two files at once and watches them index, alice
 * searches in Chinese, opens a result at its passage and gets an answer that cites it; bob, of
 * another company, finds nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KnowledgeIT {

  private static final String FAQ =
      "<html><head><title>Acme 差旅常见问题</title></head><body>"
          + "<h1>出差</h1><h2>机票</h2><p>所有出差机票必须通过公司差旅平台预订，经济舱为默认舱位。</p>"
          + "<h2>住宿</h2><p>一线城市的酒店每晚报销上限为八百元，其他城市为五百元。</p>"
          + "</body></html>";

  private static final String NOTES =
      "# Remote work\n\nEmployees may work remotely two days a week after their probation.\n";

  private static final List<Long> uploaded = new ArrayList<>();

  private Browser browser;

  @BeforeEach
  void openBrowser() {
    browser = new Browser();
  }

  @AfterEach
  void closeBrowser() {
    browser.close();
  }

  @AfterAll
  static void removeUploads() throws Exception {
    String carol = ApiIT.tokenFor("carol");
    for (long id : uploaded) {
      KnowledgeApi.send("DELETE", "/api/documents/" + id, carol);
    }
  }

  @Test
  @Order(1)
  void anAdminUploadsTwoFilesAtOnceAndWatchesThemIndex(@TempDir Path dir) throws Exception {
    // a comment unique to this run: a file left by a failed earlier run would be refused as a copy
    String run = "<!-- " + java.util.UUID.randomUUID() + " -->";
    Path faq = Files.writeString(dir.resolve("travel-faq.html"), FAQ + run, StandardCharsets.UTF_8);
    Path notes =
        Files.writeString(
            dir.resolve("remote-work.md"), NOTES + "\n" + run, StandardCharsets.UTF_8);
    signIn("carol", "/knowledge/documents");
    browser.await(By.id("documents-view"));
    browser.await(By.cssSelector("#upload-labels input")).sendKeys("travel");

    WebElement upload = browser.await(By.id("upload"));
    WebElement input = upload.getShadowRoot().findElement(By.cssSelector("input[type=file]"));
    input.sendKeys(faq + "\n" + notes);

    browser.awaitText(By.id("documents"), "travel-faq.html");
    browser.awaitText(By.id("documents"), "remote-work.md");
    String carol = ApiIT.tokenFor("carol");
    String list = KnowledgeApi.send("GET", "/api/documents", carol).body();
    for (String file : List.of("travel-faq.html", "remote-work.md")) {
      Matcher id = Pattern.compile("\\{\"id\":(\\d+),[^}]*\"sourceName\":\"" + file).matcher(list);
      assertThat(id.find()).as(file + " stored").isTrue();
      uploaded.add(Long.parseLong(id.group(1)));
    }
    // the list refreshes itself while documents are indexed: no reload
    for (long id : uploaded) {
      browser.until(
          "document " + id + " indexed",
          () -> !browser.all(By.cssSelector("#status-" + id + "[status='INDEXED']")).isEmpty());
    }
    browser.awaitText(By.id("documents"), "Acme 差旅常见问题");
    String faqJson = KnowledgeApi.send("GET", "/api/documents/" + uploaded.get(0), carol).body();
    assertThat(faqJson).contains("\"labels\":[\"travel\"]", "\"title\":\"Acme 差旅常见问题\"");
    browser.screenshot("knowledge-documents-indexed");
  }

  @Test
  @Order(2)
  void aMemberSearchesInChineseAndOpensTheResultAtItsPassage() {
    signIn("alice", "/knowledge");
    WebElement query = browser.await(By.cssSelector("#search-query input"));
    query.sendKeys("差旅");
    browser.awaitText(By.id("search-suggestions"), "Acme 差旅常见问题");
    browser.screenshot("knowledge-suggestions");
    query.sendKeys(Keys.chord(Keys.CONTROL, "a"), "酒店住宿报销上限");
    query.sendKeys(Keys.ENTER);

    browser.awaitText(By.id("search-results"), "Acme 差旅常见问题");
    WebElement first = browser.await(By.cssSelector(".wenjin-search-hit"));
    assertThat(first.getText()).contains("出差 › 住宿", "travel-faq.html");
    assertThat(first.findElements(By.cssSelector(".wenjin-search-hit-text em"))).isNotEmpty();
    browser.screenshot("knowledge-search-results");
    browser.await(By.id("facet-label-travel")).click();
    browser.await(By.id("facet-clear-label"));
    assertThat(browser.driver.getCurrentUrl()).contains("label=travel");
    browser.awaitText(By.id("search-results"), "Acme 差旅常见问题");
    first = browser.await(By.cssSelector(".wenjin-search-hit"));

    first.findElement(By.cssSelector("a.wenjin-search-hit-title")).click();
    browser.await(By.id("document-view"));
    WebElement target = browser.await(By.cssSelector(".wenjin-passage-target"));
    assertThat(target.getText()).contains("八百元");
    browser.screenshot("knowledge-document-passage");

    // the original HTML downloads, it is never rendered from the app's origin
    WebElement original = browser.await(By.id("document-original"));
    assertThat(original.getText()).isEqualTo("Download the original file");
    Object response =
        ((org.openqa.selenium.JavascriptExecutor) browser.driver)
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "fetch(arguments[0]).then(r => r.text().then(t => done(r.status + ' '"
                    + " + r.headers.get('content-disposition') + ' ' + t.length)));",
                original.getAttribute("href"));
    assertThat(String.valueOf(response)).startsWith("200 attachment").contains("travel-faq.html");

    // a question nothing answers still shows the closest passages, and says they do not fit
    browser.open("/knowledge");
    query = browser.await(By.cssSelector("#search-query input"));
    query.sendKeys("火星基地的氧气配额", Keys.ENTER);
    browser.awaitText(By.id("search-weak"), "No good match");
    assertThat(browser.all(By.cssSelector(".wenjin-search-hit"))).isNotEmpty();
    browser.screenshot("knowledge-search-no-good-match");
  }

  @Test
  @Order(3)
  void chatAnswersCiteThePassagesAndTheCitationOpensIt() {
    signIn("alice", "/chat");
    browser.await(By.id("chat-view"));
    WebElement input = browser.await(By.cssSelector("#chat-input textarea"));
    input.sendKeys("出差住酒店每晚能报销多少？");
    input.sendKeys(Keys.ENTER);

    WebElement source = browser.await(By.cssSelector("[id^='source-'][id$='-1']"));
    assertThat(source.getText()).startsWith("[1] Acme 差旅常见问题");
    browser.until(
        "answer complete",
        () -> !browser.all(By.cssSelector("[id^='state-'][status='COMPLETE']")).isEmpty());
    browser.screenshot("knowledge-chat-citations");

    source.click();
    browser.await(By.id("document-view"));
    assertThat(browser.await(By.cssSelector(".wenjin-passage-target")).getText()).contains("元");
  }

  @Test
  @Order(4)
  void aConversationWithoutDocumentsCitesNothing() {
    signIn("alice", "/chat");
    browser.await(By.id("chat-view"));
    browser.await(By.id("sources-enabled")).click();
    browser.until(
        "documents switched off",
        () -> browser.await(By.id("sources-enabled")).getAttribute("checked") == null);
    browser.screenshot("knowledge-chat-without-documents");
    WebElement input = browser.await(By.cssSelector("#chat-input textarea"));
    input.sendKeys("出差住酒店每晚能报销多少？");
    input.sendKeys(Keys.ENTER);

    browser.until(
        "answer complete",
        () -> !browser.all(By.cssSelector("[id^='state-'][status='COMPLETE']")).isEmpty());
    assertThat(browser.all(By.cssSelector("[id^='source-']"))).isEmpty();
    assertThat(browser.await(By.id("sources-enabled")).getAttribute("checked"))
        .as("the conversation keeps its choice")
        .isNull();
  }

  @Test
  @Order(5)
  void anotherCompanyFindsNothing() {
    signIn("bob", "/knowledge");
    WebElement query = browser.await(By.cssSelector("#search-query input"));
    query.sendKeys("酒店住宿报销上限");
    query.sendKeys(Keys.ENTER);

    browser.awaitText(By.id("search-empty"), "No passages match");
    for (long id : uploaded) {
      browser.open("/knowledge/document/" + id + "?passage=0");
      browser.await(By.id("document-missing"));
    }
  }

  private void signIn(String user, String path) {
    browser.open(path);
    browser.signIn(user, Stack.demoPassword(user));
  }
}
