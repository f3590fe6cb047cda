package org.wenjin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The tenant admin's usage overview in the browser: after alice asks, carol (Acme's tenant admin)
 * finds Usage in the menu and sees at least one bar and a question counted; alice, a plain member,
 * gets no menu entry and the access-denied page.
 */
class UsageOverviewIT {

  /** A bar's title when its day had questions, in English: "Dec 1, 2026: 3 questions". */
  private static final Pattern BUSY_DAY =
      Pattern.compile("[A-Z][a-z]{2} \\d{1,2}, \\d{4}: [1-9][\\d,]* questions?");

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
  void theTenantAdminSeesTodaysQuestionsInTheChart() throws Exception {
    ask("alice", "年假怎么申请？ usage-overview " + UUID.randomUUID().toString().substring(0, 8));

    browser.open("/");
    browser.signIn("carol", Stack.demoPassword("carol"));
    browser.await(By.id("nav-usage")).click();
    browser.await(By.id("usage-view"));

    browser.until("a bar for a day with questions", () -> !busyBars().isEmpty());
    long questions =
        Long.parseLong(
            browser
                .await(By.cssSelector("#usage-questions .wenjin-usage-value"))
                .getText()
                .replaceAll("[^0-9]", ""));
    assertThat(questions).isGreaterThanOrEqualTo(1);
    assertThat(browser.await(By.cssSelector("#usage-active-users .wenjin-usage-value")).getText())
        .isNotBlank();
    for (String part :
        new String[] {
          "usage-range",
          "usage-rating",
          "usage-unanswered-count",
          "usage-top-documents",
          "usage-unanswered",
          "usage-models"
        }) {
      browser.await(By.id(part));
    }
    browser.screenshot("usage-overview");

    browser.choose(By.id("usage-range"), "Last 7 days");
    browser.until(
        "the week's bars",
        () -> browser.all(By.cssSelector("#usage-chart .wenjin-usage-bar")).size() == 7);
  }

  @Test
  void aMemberWhoIsNoTenantAdminIsDenied() {
    browser.open("/admin/usage");
    browser.signIn("alice", Stack.demoPassword("alice"));
    browser.await(By.id("access-denied"));
    assertThat(browser.all(By.id("nav-usage"))).isEmpty();
    assertThat(browser.all(By.id("usage-view"))).isEmpty();
  }

  private List<String> busyBars() {
    return browser.all(By.cssSelector("#usage-chart .wenjin-usage-bar")).stream()
        .map(bar -> bar.getAttribute("title"))
        .filter(title -> title != null && BUSY_DAY.matcher(title).matches())
        .toList();
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
