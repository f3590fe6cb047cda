package org.wenjin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The API keys page in the browser: alice makes a key, sees it once, uses it on {@code /v1}, and
 * revokes it; carol, Acme's tenant admin, sees it among her company's keys.
 */
class ApiKeysPageIT {

  private static final String NAME = "page key " + UUID.randomUUID().toString().substring(0, 8);

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
  void aKeyIsShownOnceWorksOnV1AndStopsWorkingWhenRevoked() throws Exception {
    browser.open("/");
    browser.signIn("alice", Stack.demoPassword("alice"));
    browser.await(By.id("nav-api_keys")).click();
    browser.await(By.id("api-keys-view"));
    browser.await(By.id("api-key-new")).click();
    WebElement name = browser.await(By.cssSelector("#api-key-name-value input"));
    name.sendKeys(NAME);
    browser.await(By.id("api-key-name-save")).click();

    WebElement secretField = browser.await(By.cssSelector("#api-key-secret input"));
    String secret = secretField.getDomProperty("value");
    assertThat(secret).startsWith("wj-").hasSize(46);
    assertThat(browser.await(By.id("api-key-usage")).getText()).contains("/v1/chat/completions");
    browser.screenshot("api-key-created");
    assertThat(Stack.API.send("GET", "/v1/models", secret, null).statusCode()).isEqualTo(200);
    browser.await(By.id("api-key-done")).click();

    browser.awaitText(By.id("api-keys-mine"), NAME);
    // the grid shows the key's first characters, never the rest of it
    assertThat(browser.await(By.id("api-keys-mine")).getText())
        .contains(secret.substring(0, 11))
        .doesNotContain(secret.substring(11));
    browser.screenshot("api-keys-list");
    browser.await(By.cssSelector("#api-keys-mine .api-key-revoke")).click();
    browser
        .await(By.cssSelector("vaadin-confirm-dialog-overlay vaadin-button[slot='confirm-button']"))
        .click();
    browser.awaitNotification("success", "Key revoked");
    browser.awaitText(By.id("api-keys-mine"), "Revoked");

    assertThat(Stack.API.send("GET", "/v1/models", secret, null).statusCode()).isEqualTo(401);
  }

  @Test
  void theTenantAdminSeesTheCompanysKeysWithTheirOwners() throws Exception {
    String alice = ApiIT.tokenFor("alice");
    ApiIT.send("POST", "/api/me/api-keys", alice, "{\"name\":\"" + NAME + " for carol\"}");

    browser.open("/");
    browser.signIn("carol", Stack.demoPassword("carol"));
    browser.await(By.id("nav-api_keys")).click();

    browser.awaitText(By.id("api-keys-company"), NAME + " for carol");
    assertThat(browser.await(By.id("api-keys-company")).getText()).contains("alice");
    browser.screenshot("api-keys-company");
  }
}
