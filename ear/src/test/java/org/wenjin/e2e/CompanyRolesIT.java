package org.wenjin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Roles and groups hold within one company. The demo user mia belongs to Acme (tenant-admin, in
 * Acme's {@code hr} group) and to Globex (a plain member): she administers and reads HR documents
 * in Acme only, whichever company she acts for, by the API and in the browser.
 */
class CompanyRolesIT {

  private static final String RUN = Long.toString(System.nanoTime(), 36);
  private static final String ACME_SECRET = "acmesecret" + RUN;
  private static final String GLOBEX_SECRET = "globexsecret" + RUN;

  private static long acmeHr;
  private static long globexHr;

  private static HttpResponse<String> actFor(String token, String alias) throws Exception {
    return ApiIT.send("PUT", "/api/me/tenant", token, "{\"tenant\":\"" + alias + "\"}");
  }

  private static byte[] text(String body) {
    return body.getBytes(StandardCharsets.UTF_8);
  }

  @BeforeAll
  static void eachCompanyHasAnHrOnlyDocument() throws Exception {
    String mia = ApiIT.tokenFor("mia");
    assertThat(actFor(mia, "acme").statusCode()).isEqualTo(200);
    acmeHr =
        KnowledgeApi.id(
            KnowledgeApi.upload(
                mia,
                "acme-hr-" + RUN + ".md",
                text("# Salary bands\n\nThe " + ACME_SECRET + " band is confidential."),
                Map.of("visibleTo", "hr")));
    String gina = ApiIT.tokenFor("gina");
    globexHr =
        KnowledgeApi.id(
            KnowledgeApi.upload(
                gina,
                "globex-hr-" + RUN + ".md",
                text("# Bonus pool\n\nThe " + GLOBEX_SECRET + " pool is confidential."),
                Map.of("visibleTo", "hr")));
    assertThat(KnowledgeApi.awaitSettled(mia, acmeHr)).contains("INDEXED");
    assertThat(KnowledgeApi.awaitSettled(gina, globexHr)).contains("INDEXED");
  }

  @AfterAll
  static void removeTheDocuments() throws Exception {
    String mia = ApiIT.tokenFor("mia");
    actFor(mia, "acme");
    KnowledgeApi.send("DELETE", "/api/documents/" + acmeHr, mia);
    KnowledgeApi.send("DELETE", "/api/documents/" + globexHr, ApiIT.tokenFor("gina"));
  }

  @Test
  void inAcmeMiaIsTenantAdminAndReadsHrDocuments() throws Exception {
    String mia = ApiIT.tokenFor("mia");
    assertThat(actFor(mia, "acme").statusCode()).isEqualTo(200);

    assertThat(ApiIT.send("GET", "/api/me", mia, null).body()).contains("\"tenant-admin\"");
    assertThat(KnowledgeApi.send("GET", "/api/documents", mia).statusCode()).isEqualTo(200);
    assertThat(KnowledgeApi.search(mia, ACME_SECRET).body()).contains("\"documentId\":" + acmeHr);
    assertThat(KnowledgeApi.search(ApiIT.tokenFor("alice"), ACME_SECRET).body())
        .as("alice is in Acme but not in its hr group")
        .contains("\"total\":0");
  }

  @Test
  void inGlobexMiaIsAPlainMemberOutsideItsHrGroup() throws Exception {
    String mia = ApiIT.tokenFor("mia");
    assertThat(actFor(mia, "globex").statusCode()).isEqualTo(200);
    try {
      assertThat(ApiIT.send("GET", "/api/me", mia, null).body()).doesNotContain("tenant-admin");
      List<String[]> adminCalls =
          List.of(
              new String[] {"GET", "/api/documents"},
              new String[] {"GET", "/api/documents/" + globexHr},
              new String[] {"DELETE", "/api/documents/" + globexHr},
              new String[] {"POST", "/api/documents/" + globexHr + "/reindex"},
              new String[] {"GET", "/api/knowledge/settings"},
              new String[] {"GET", "/api/chat/settings"});
      for (String[] call : adminCalls) {
        HttpResponse<String> refused = KnowledgeApi.send(call[0], call[1], mia);
        assertThat(refused.statusCode())
            .as("mia in Globex: " + String.join(" ", call))
            .isEqualTo(403);
      }
      assertThat(
              KnowledgeApi.upload(mia, "x-" + RUN + ".md", text("# x\n\nx"), Map.of()).statusCode())
          .isEqualTo(403);

      // Acme's hr grant does not open Globex's hr documents: not in search, suggest or facets
      assertThat(KnowledgeApi.search(mia, GLOBEX_SECRET).body()).contains("\"total\":0");
      assertThat(KnowledgeApi.send("GET", "/api/search/suggest?q=globex-hr-" + RUN, mia).body())
          .doesNotContain(RUN);
      assertThat(KnowledgeApi.search(mia, "confidential").body())
          .doesNotContain(GLOBEX_SECRET, ACME_SECRET);
      // nor the chat's grounding
      HttpResponse<String> asked =
          ApiIT.send(
              "POST",
              "/api/conversations",
              mia,
              "{\"question\":\"What is the " + GLOBEX_SECRET + " pool?\"}");
      assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);
      assertThat(asked.body()).doesNotContain("is confidential", "globex-hr-" + RUN);
      // and gina, Globex's admin, still has hers
      assertThat(KnowledgeApi.awaitSettled(ApiIT.tokenFor("gina"), globexHr)).contains("INDEXED");
    } finally {
      actFor(mia, "acme");
    }
  }

  @Test
  void theBrowserShowsAdminPagesOnlyWhereMiaAdministers() throws Exception {
    String mia = ApiIT.tokenFor("mia");
    assertThat(actFor(mia, "globex").statusCode()).isEqualTo(200);
    try (Browser browser = new Browser()) {
      browser.open("/");
      browser.signIn("mia", Stack.demoPassword("mia"));
      browser.awaitText(By.id("tenant-switcher"), "Globex");
      browser.await(By.id("chat-view"));
      assertThat(browser.all(By.id("nav-admin"))).isEmpty();
      browser.open("/admin");
      browser.await(By.id("access-denied"));
      browser.open("/knowledge/documents");
      browser.await(By.id("access-denied"));
      browser.screenshot("company-roles-mia-globex");

      browser.choose(By.id("tenant-switcher"), "Acme Corp");
      browser.until("the reload for Acme", () -> !browser.all(By.id("nav-admin")).isEmpty());
      browser.await(By.id("nav-admin")).click();
      browser.await(By.id("admin-view"));
      browser.screenshot("company-roles-mia-acme");
    } finally {
      actFor(mia, "acme");
    }
  }
}
