package org.wenjin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * A member of two companies (demo user mia: Acme and Globex) chooses which one she acts for, in the
 * shell and through the API; nobody else can choose a company they do not belong to.
 */
class TenantSwitchIT {

  private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");

  private static HttpResponse<String> switchTo(String token, String alias) throws Exception {
    return ApiIT.send("PUT", "/api/me/tenant", token, "{\"tenant\":\"" + alias + "\"}");
  }

  private static String activeTenant(String token) throws Exception {
    HttpResponse<String> me = ApiIT.send("GET", "/api/me", token, null);
    assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
    Matcher m = Pattern.compile("\"activeTenant\":\\{\"alias\":\"([^\"]+)\"").matcher(me.body());
    assertThat(m.find()).as(me.body()).isTrue();
    return m.group(1);
  }

  @Test
  void switchingCompanyChangesWhatTheApiSeesAndIsRemembered() throws Exception {
    String mia = ApiIT.tokenFor("mia");
    String payload =
        new String(Base64.getUrlDecoder().decode(mia.split("\\.")[1]), StandardCharsets.UTF_8);
    assertThat(payload)
        .as("Keycloak names no organization for a member of several; the app asks Keycloak")
        .doesNotContain("\"organization\"");

    HttpResponse<String> toAcme = switchTo(mia, "acme");
    assertThat(toAcme.statusCode()).as(toAcme.body()).isEqualTo(200);
    assertThat(toAcme.body()).contains("\"alias\":\"acme\"", "\"alias\":\"globex\"");
    String marker = "mia-" + System.nanoTime();
    HttpResponse<String> asked =
        ApiIT.send("POST", "/api/conversations", mia, "{\"question\":\"" + marker + " 差旅标准？\"}");
    assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);
    Matcher id = ID.matcher(asked.body());
    assertThat(id.find()).isTrue();
    String conversation = "/api/conversations/" + id.group(1);
    String search = "/api/conversations?q=" + URLEncoder.encode(marker, StandardCharsets.UTF_8);

    assertThat(switchTo(mia, "globex").statusCode()).isEqualTo(200);
    assertThat(ApiIT.send("GET", conversation, mia, null).statusCode())
        .as("Acme's conversation from Globex")
        .isEqualTo(404);
    assertThat(ApiIT.send("GET", search, mia, null).body()).doesNotContain(marker);
    assertThat(activeTenant(ApiIT.tokenFor("mia")))
        .as("the choice outlives the token")
        .isEqualTo("globex");

    assertThat(switchTo(mia, "acme").statusCode()).isEqualTo(200);
    assertThat(ApiIT.send("GET", search, mia, null).body()).contains(marker);
    assertThat(ApiIT.send("DELETE", conversation, mia, null).statusCode()).isEqualTo(204);
  }

  @Test
  void nobodySwitchesIntoACompanyTheyDoNotBelongTo() throws Exception {
    record Attempt(String user, String alias, String activeBefore) {}
    var attempts =
        java.util.List.of(
            new Attempt("alice", "globex", "acme"),
            new Attempt("bob", "acme", "globex"),
            new Attempt("mia", "initech", null),
            new Attempt("mia", "", null));
    for (Attempt attempt : attempts) {
      String token = ApiIT.tokenFor(attempt.user());
      String before = activeTenant(token);
      HttpResponse<String> refused = switchTo(token, attempt.alias());
      assertThat(refused.statusCode()).as(attempt.toString()).isEqualTo(400);
      assertThat(refused.body()).contains("You are not a member of an enabled company");
      assertThat(activeTenant(token)).as(attempt + " unchanged").isEqualTo(before);
      if (attempt.activeBefore() != null) {
        assertThat(before).isEqualTo(attempt.activeBefore());
      }
    }
  }

  @Test
  void theShellOffersTheSwitcherToAMemberOfSeveralCompanies() throws Exception {
    assertThat(switchTo(ApiIT.tokenFor("mia"), "acme").statusCode()).isEqualTo(200);
    try (Browser browser = new Browser()) {
      browser.open("/");
      browser.signIn("mia", Stack.demoPassword("mia"));
      browser.awaitText(By.id("tenant-switcher"), "Acme Corp");
      assertThat(browser.all(By.id("tenant-name"))).isEmpty();

      browser.choose(By.id("tenant-switcher"), "Globex 环球");
      // the app reloads from its home page, acting for Globex
      browser.until(
          "the reload for Globex",
          () -> browser.all(By.id("chat-view")).size() == 1 && switcherShows(browser, "Globex"));
      browser.screenshot("tenant-switched-mia");
      assertThat(activeTenant(ApiIT.tokenFor("mia"))).isEqualTo("globex");

      browser.choose(By.id("tenant-switcher"), "Acme Corp");
      browser.until("the reload for Acme", () -> switcherShows(browser, "Acme"));
    }
    assertThat(activeTenant(ApiIT.tokenFor("mia"))).isEqualTo("acme");
  }

  private static boolean switcherShows(Browser browser, String name) {
    try {
      return browser.all(By.id("tenant-switcher")).stream()
          .anyMatch(s -> s.getText().contains(name));
    } catch (org.openqa.selenium.StaleElementReferenceException reloading) {
      return false;
    }
  }

  @Test
  void aSingleCompanyUserSeesNoSwitcher() {
    try (Browser browser = new Browser()) {
      browser.open("/");
      browser.signIn("bob", Stack.demoPassword("bob"));
      browser.awaitText(By.id("tenant-name"), "Globex");
      assertThat(browser.all(By.id("tenant-switcher"))).isEmpty();
    }
  }
}
