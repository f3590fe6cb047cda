package org.wenjin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A user in no company is told so; a platform admin creates a tenant (a Keycloak Organization),
 * adds an existing user to it, the user signs in and works for it; the admin disables it and the
 * user is blocked. One story, so the steps run in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TenantManagementIT {

  /** Unique per run, so the story also runs against a long-lived stack. */
  private static final String ALIAS = "initech-" + Long.toString(System.nanoTime() % 46656, 36);

  private static final String NAME = "Initech 映泰 " + ALIAS.substring(8);

  private static Browser signIn(String username) {
    Browser browser = new Browser();
    browser.open("/");
    browser.signIn(username, Stack.demoPassword(username));
    browser.await(By.id("user-name"));
    return browser;
  }

  private static void type(Browser browser, String id, String text) {
    WebElement field = browser.await(By.cssSelector("#" + id + " input"));
    field.clear();
    field.sendKeys(text);
  }

  @Test
  @Order(0)
  void aUserInNoCompanyIsToldSoInsteadOfSeeingAnError() {
    try (Browser dave = signIn("dave")) {
      assertThat(dave.await(By.id("access-blocked")).getText())
          .contains("not assigned to a company");
      assertThat(dave.all(By.id("nav-chat"))).isEmpty();
      dave.screenshot("no-company-dave");
    }
  }

  @Test
  @Order(1)
  void platformAdminCreatesATenantAndAddsAMember() {
    try (Browser root = signIn("root")) {
      root.await(By.id("tenants-view"));
      root.awaitText(By.id("tenants-grid"), "acme");

      root.await(By.id("new-tenant")).click();
      type(root, "tenant-alias", ALIAS);
      type(root, "tenant-name", NAME);
      type(root, "tenant-domain", ALIAS + ".example.com");
      root.await(By.id("tenant-save")).click();
      root.awaitNotification("success", "Created " + ALIAS);
      root.awaitText(By.id("tenants-grid"), NAME);

      root.await(By.id("add-member-" + ALIAS)).click();
      type(root, "member-value", "dave");
      root.await(By.id("member-save")).click();
      root.awaitNotification("success", "Added dave");
      root.screenshot("tenants-root");
    }
  }

  @Test
  @Order(2)
  void aDuplicateOrInvalidTenantIsRefusedWithAReason() {
    try (Browser root = signIn("root")) {
      root.await(By.id("new-tenant")).click();
      type(root, "tenant-alias", ALIAS);
      type(root, "tenant-name", "Again");
      type(root, "tenant-domain", "again.example.com");
      root.await(By.id("tenant-save")).click();
      root.awaitNotification("error", "already exists");

      type(root, "tenant-alias", "Bad Alias!");
      root.await(By.id("tenant-save")).click();
      root.awaitNotification("error", "lower-case");
      assertThat(root.await(By.id("tenants-grid")).getText()).doesNotContain("Bad Alias");
      root.screenshot("tenant-invalid");
    }
  }

  @Test
  @Order(3)
  void renamingChangesTheNameEverywhere() {
    try (Browser root = signIn("root")) {
      root.await(By.id("rename-" + ALIAS)).click();
      type(root, "rename-value", NAME + " 新");
      root.await(By.id("rename-save")).click();
      root.awaitNotification("success", "Renamed " + ALIAS);
      root.awaitText(By.id("tenants-grid"), NAME + " 新");
    }
  }

  @Test
  @Order(4)
  void theNewMemberSeesTheTenantInTheShell() {
    try (Browser dave = signIn("dave")) {
      dave.awaitText(By.id("tenant-name"), NAME + " 新");
      dave.await(By.id("chat-view"));
      dave.screenshot("shell-dave");
    }
  }

  @Test
  @Order(5)
  void disablingTheTenantBlocksItsUsersButKeepsTheTenant() {
    try (Browser root = signIn("root")) {
      root.await(By.id("toggle-" + ALIAS)).click();
      root.awaitNotification("success", "Disabled " + ALIAS);
      root.awaitText(By.id("tenants-grid"), "disabled");
    }
    try (Browser dave = signIn("dave")) {
      assertThat(dave.await(By.id("access-blocked")).getText()).contains("disabled");
      assertThat(dave.await(By.id("tenant-name")).getText()).isEqualTo("Company disabled");
      assertThat(dave.all(By.id("nav-chat"))).isEmpty();
      dave.screenshot("blocked-dave");
    }
  }
}
