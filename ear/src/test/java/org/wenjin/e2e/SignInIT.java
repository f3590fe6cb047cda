package org.wenjin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Sign-in through Keycloak, the shell per role, sign-out, bad credentials, forbidden views. */
class SignInIT {

  private Browser browser;

  @BeforeEach
  void openBrowser() {
    browser = new Browser();
  }

  @AfterEach
  void closeBrowser() {
    browser.close();
  }

  private void signInAs(String username) {
    browser.open("/");
    browser.signIn(username, Stack.demoPassword(username));
    try {
      browser.await(By.id("user-name"));
    } catch (AssertionError e) {
      browser.screenshot("failed-sign-in-" + username);
      throw new AssertionError("shell did not appear for " + username, e);
    }
  }

  @Test
  void tenantUserSeesNameTenantAndRolesButNoAdminEntry() {
    signInAs("alice");

    browser.awaitText(By.id("user-name"), "Alice Acme");
    assertThat(browser.await(By.id("tenant-name")).getText()).isEqualTo("Acme Corp");
    assertThat(browser.await(By.id("user-roles")).getText()).isEqualTo("user");
    assertThat(browser.all(By.id("nav-chat"))).hasSize(1);
    assertThat(browser.all(By.id("nav-knowledge"))).hasSize(1);
    browser.await(By.id("chat-view"));
    assertThat(browser.all(By.id("nav-admin"))).isEmpty();
    assertThat(browser.all(By.id("nav-audit"))).isEmpty();
    browser.screenshot("shell-alice");
  }

  @Test
  void tenantAdminSeesTheAdminEntryAndPage() {
    signInAs("carol");

    assertThat(browser.await(By.id("user-roles")).getText()).isEqualTo("user · tenant-admin");
    browser.await(By.id("nav-admin")).click();
    browser.await(By.id("admin-view"));
    browser.awaitText(By.id("members-grid"), "alice");
    assertThat(browser.await(By.id("members-grid")).getText()).doesNotContain("bob");

    // a colleague in the company's domain (erin, who signed up but is in no company) can be
    // added; an address outside it is refused without a word about whether it exists
    browser.await(By.id("add-member")).click();
    WebElement field = browser.await(By.cssSelector("#member-value input"));
    field.sendKeys("audrey@audit.example.com");
    browser.await(By.id("member-save")).click();
    browser.awaitNotification("error", "Only e-mail addresses ending in @acme.example.com");
    field.clear();
    field.sendKeys("erin@acme.example.com");
    browser.await(By.id("member-save")).click();
    browser.awaitNotification("success", "Added erin@acme.example.com");
    browser.awaitText(By.id("members-grid"), "erin");
    browser.screenshot("admin-carol");
  }

  @Test
  void userOfTheOtherTenantSeesTheirOwnTenant() {
    signInAs("bob");

    browser.awaitText(By.id("user-name"), "Bob Globex");
    assertThat(browser.await(By.id("tenant-name")).getText()).isEqualTo("Globex 环球");
  }

  @Test
  void platformAdminWithoutCompanySeesThePlatformShell() {
    signInAs("root");

    assertThat(browser.await(By.id("tenant-name")).getText()).isEqualTo("Platform");
    assertThat(browser.all(By.id("nav-tenants"))).hasSize(1);
    assertThat(browser.all(By.id("nav-admin"))).isEmpty();
    assertThat(browser.all(By.id("nav-chat"))).isEmpty();
    browser.await(By.id("tenants-view"));
    browser.screenshot("shell-root");
  }

  @Test
  void acmesAuditorSeesTheAuditEntryButNoAdmin() {
    signInAs("audrey");

    assertThat(browser.await(By.id("user-roles")).getText()).isEqualTo("user · auditor");
    assertThat(browser.all(By.id("nav-admin"))).isEmpty();
    browser.await(By.id("nav-audit")).click();
    browser.await(By.id("audit-view"));
  }

  @Test
  void typingTheAdminUrlDoesNotOpenItForATenantUser() {
    signInAs("alice");

    browser.open("/admin");

    browser.await(By.id("access-denied"));
    assertThat(browser.all(By.id("admin-view"))).isEmpty();
    browser.screenshot("admin-denied-alice");
  }

  @Test
  void signOutEndsTheKeycloakSessionToo() {
    signInAs("alice");

    browser.await(By.id("logout")).click();
    browser.await(By.id("kc-form-login"));
    browser.screenshot("signed-out");

    // the SSO session is gone: coming back asks for credentials again
    browser.open("/");
    browser.await(By.id("username"));
    assertThat(browser.onKeycloakLoginPage()).isTrue();
  }

  @Test
  void wrongPasswordStaysOnKeycloakWithAMessage() {
    browser.open("/");

    browser.signIn("alice", "not-the-password");

    assertThat(browser.await(By.id("input-error-password")).getText())
        .isEqualTo("Invalid username or password.");
    assertThat(browser.onKeycloakLoginPage()).isTrue();
    browser.screenshot("wrong-password");
  }
}
