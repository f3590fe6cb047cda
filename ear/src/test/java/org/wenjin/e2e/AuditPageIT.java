package org.wenjin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The auditor's page in the browser: audrey, Acme's auditor, finds the exchange alice just had,
 * opens it with its answer, verifies the record and sees the export links; bob's question in Globex
 * is not there.
 */
class AuditPageIT {

  private Browser browser;

  @BeforeEach
  void openBrowser() {
    browser = new Browser();
  }

  @AfterEach
  void closeBrowser() {
    browser.close();
  }

  @Test
  void theAuditorFindsOpensAndVerifiesTodaysExchangesOfHerCompanyOnly() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String acme = "年假怎么申请？ audit-page " + run;
    String globex = "Globex travel policy audit-page " + run;
    ask("alice", acme);
    ask("bob", globex);

    browser.open("/audit");
    browser.signIn("audrey", Stack.demoPassword("audrey"));
    browser.await(By.id("audit-view"));
    filterByText("audit-page " + run);

    By row = By.xpath("//vaadin-grid-cell-content[contains(., '" + acme + "')]");
    browser.await(row);
    browser.awaitText(By.id("audit-total"), "1 event");
    assertThat(browser.all(By.xpath("//vaadin-grid-cell-content[contains(., 'Globex travel')]")))
        .as("Globex's exchange")
        .isEmpty();
    browser.screenshot("audit-page");

    browser.await(row).click();
    browser.awaitText(By.id("audit-event-question"), acme);
    assertThat(browser.await(By.id("audit-event-answer")).getText()).isNotBlank();
    assertThat(browser.await(By.tagName("vaadin-dialog-overlay")).getText())
        .contains("alice", "SHA-256");
    browser.screenshot("audit-event");
    browser.await(By.id("audit-event-close")).click();

    browser.await(By.id("audit-verify")).click();
    browser.awaitText(By.id("audit-verify-result"), "Intact");
    for (String export : new String[] {"audit-export-csv", "audit-export-jsonl"}) {
      assertThat(browser.await(By.id(export)).getAttribute("href")).as(export).isNotBlank();
    }

    filterByText("Globex travel policy audit-page " + run);
    browser.awaitText(By.id("audit-total"), "0 events");
  }

  private void filterByText(String text) {
    WebElement field = browser.await(By.cssSelector("#audit-text input"));
    field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    field.sendKeys(text, Keys.ENTER);
  }

  private static void ask(String user, String question) throws Exception {
    HttpResponse<String> asked =
        ApiIT.send(
            "POST",
            "/api/conversations",
            ApiIT.tokenFor(user),
            "{\"question\":\"" + question + "\"}");
    assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);
  }
}
