package org.wenjin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The knowledge base through its API with real Keycloak tokens, a real Elasticsearch and the real
 * embedding model: carol (Acme's admin) uploads, the worker indexes, members search; group-only
 * documents stay with the group; Globex sees none of it; bad files fail with a reason.
 */
class KnowledgeApiIT {

  static final String HANDBOOK =
      "<html><head><title>Acme 员工手册</title><script>alert('xss')</script></head><body>"
          + "<h1>休假制度</h1><h2>年假</h2>"
          + "<p>员工每年享有十五天带薪年假。申请年假需要提前一周在人事系统中提交，由直属经理审批。</p>"
          + "<h2>病假</h2><p>病假需要提供医院开具的证明，每年最多三十天。</p>"
          + "<h1>IT</h1><p>To reset the VPN password, open the IT portal and choose Reset password.</p>"
          + "<script>document.write('注入内容')</script></body></html>";

  static final String SALARY = "# 薪酬\n\n2027 年的调薪预算为百分之五，仅限人事部门查阅。\n";

  /**
   * Makes this run's files differ from any a failed earlier run left behind (same bytes = refused).
   */
  private static final String RUN = java.util.UUID.randomUUID().toString();

  private static String carol;
  private static String alice;
  private static long handbook;
  private static long salary;
  private static long pdf;

  @BeforeAll
  static void carolUploadsAndTheWorkerIndexes() throws Exception {
    carol = ApiIT.tokenFor("carol");
    alice = ApiIT.tokenFor("alice");
    handbook =
        KnowledgeApi.id(
            KnowledgeApi.upload(
                carol,
                "handbook.html",
                (HANDBOOK + "<!-- " + RUN + " -->").getBytes(StandardCharsets.UTF_8),
                Map.of("labels", "hr, policy", "collection", "handbook")));
    salary =
        KnowledgeApi.id(
            KnowledgeApi.upload(
                carol,
                "salary.md",
                (SALARY + "\n" + RUN + "\n").getBytes(StandardCharsets.UTF_8),
                Map.of("visibleTo", "hr")));
    pdf =
        KnowledgeApi.id(
            KnowledgeApi.upload(
                carol,
                "travel.pdf",
                pdf(
                    "Book every business flight through the travel portal.",
                    "Hotel nights are reimbursed up to 150 euros."),
                Map.of()));
    for (long id : List.of(handbook, salary, pdf)) {
      assertThat(KnowledgeApi.awaitSettled(carol, id)).contains("\"status\":\"INDEXED\"");
    }
  }

  @AfterAll
  static void carolRemovesWhatTheTestsUploaded() throws Exception {
    for (long id : List.of(handbook, salary, pdf)) {
      KnowledgeApi.send("DELETE", "/api/documents/" + id, carol);
    }
  }

  @Test
  void theSameFileTwiceIsRefused() throws Exception {
    HttpResponse<String> again =
        KnowledgeApi.upload(
            carol,
            "copy-of-handbook.html",
            (HANDBOOK + "<!-- " + RUN + " -->").getBytes(StandardCharsets.UTF_8),
            Map.of());

    assertThat(again.statusCode()).isEqualTo(400);
    assertThat(again.body()).contains("already in the knowledge base as “Acme 员工手册”");
  }

  @Test
  void aMemberFindsHighlightedChinesePassagesWithTheirHeadings() throws Exception {
    HttpResponse<String> found = KnowledgeApi.search(alice, "如何申请年假");

    assertThat(found.statusCode()).isEqualTo(200);
    assertThat(found.body())
        .contains(
            "\"documentId\":" + handbook,
            "\"title\":\"Acme 员工手册\"",
            "\"heading\":\"休假制度 › 年假\"",
            "<em>年假</em>");
    assertThat(found.body()).doesNotContain("alert", "注入内容", "<script");
  }

  @Test
  void aQuestionWordedUnlikeTheTextStillFindsItsPassage() throws Exception {
    // 生病, 上班 and 交 are not in the text; the meaning is, and 证明
    String found = KnowledgeApi.search(alice, "生病了不能上班，需要交什么证明").body();

    assertThat(found).contains("\"goodMatch\":");
    assertThat(firstHit(found)).contains("\"heading\":\"休假制度 › 病假\"");
  }

  @Test
  void englishQuestionsMatchOtherWordFormsAndIgnoreQuestionWords() throws Exception {
    // resetting → reset, passwords → password; "how do I" counts for nothing
    String found =
        KnowledgeApi.search(alice, "How do I go about resetting passwords for the VPN?").body();

    assertThat(firstHit(found)).contains("\"documentId\":" + handbook, "\"heading\":\"IT\"");
    assertThat(found).contains("\"goodMatch\":true", "<em>reset</em>");
  }

  @Test
  void aSearchOverACompanysDocumentsIsNeverEmptyHandedButSaysWhenNothingFits() throws Exception {
    String found = KnowledgeApi.search(alice, "火星基地的氧气配额").body();

    assertThat(found).contains("\"results\":[{", "\"goodMatch\":false");
  }

  @Test
  void aPassageFoundByItsWordsAloneGroundsAnAnswer() throws Exception {
    String defaults = KnowledgeApi.send("GET", "/api/knowledge/settings", carol).body();
    try {
      // no passage is ever this close in meaning: only the words can ground the answer
      KnowledgeApi.sendJson(
          "PUT",
          "/api/knowledge/settings",
          carol,
          "{\"chunkSize\":450,\"chunkOverlap\":60,\"passages\":4,\"minSimilarity\":1.0}");
      String answer =
          KnowledgeApi.sendJson("POST", "/api/conversations", alice, "{\"question\":\"如何申请年假？\"}")
              .body();
      assertThat(answer).contains("\"citations\":[{\"n\":1,\"documentId\":" + handbook);
    } finally {
      KnowledgeApi.sendJson("PUT", "/api/knowledge/settings", carol, defaults);
    }
  }

  /** The first result of a search's JSON, up to the next one. */
  private static String firstHit(String results) {
    int start = results.indexOf("\"results\":[{");
    assertThat(start).as("some result in " + results).isNotNegative();
    int next = results.indexOf("},{\"documentId\"", start);
    return results.substring(start, next < 0 ? results.length() : next);
  }

  @Test
  void facetsCountLabelsAndTypesAndNarrowTheSearch() throws Exception {
    String all = KnowledgeApi.search(carol, "年假").body();
    assertThat(all).contains("\"facets\":{", "{\"value\":\"hr\",\"count\":");
    assertThat(all).contains("{\"value\":\"text/html\"");

    String pdfOnly =
        KnowledgeApi.send(
                "GET",
                "/api/search?type=application/pdf&q="
                    + java.net.URLEncoder.encode("hotel travel portal", StandardCharsets.UTF_8),
                carol)
            .body();
    assertThat(pdfOnly)
        .contains("\"documentId\":" + pdf)
        .doesNotContain("\"documentId\":" + handbook);
    String labelled =
        KnowledgeApi.send(
                "GET",
                "/api/search?label=policy&q="
                    + java.net.URLEncoder.encode("VPN password", StandardCharsets.UTF_8),
                carol)
            .body();
    assertThat(labelled)
        .contains("\"documentId\":" + handbook)
        .doesNotContain("\"documentId\":" + pdf);
  }

  @Test
  void adminsTuneGroundingAndBadSettingsAreRefused() throws Exception {
    String defaults = KnowledgeApi.send("GET", "/api/knowledge/settings", carol).body();
    assertThat(defaults)
        .isEqualTo("{\"chunkSize\":450,\"chunkOverlap\":60,\"passages\":4,\"minSimilarity\":0.6}");

    HttpResponse<String> bad =
        KnowledgeApi.sendJson(
            "PUT",
            "/api/knowledge/settings",
            carol,
            "{\"chunkSize\":200,\"chunkOverlap\":150,\"passages\":4,\"minSimilarity\":0.6}");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("overlap must be between 0 and half the chunk size");
    assertThat(
            KnowledgeApi.sendJson("PUT", "/api/knowledge/settings", alice, defaults).statusCode())
        .isEqualTo(403);

    try {
      HttpResponse<String> off =
          KnowledgeApi.sendJson(
              "PUT",
              "/api/knowledge/settings",
              carol,
              "{\"chunkSize\":450,\"chunkOverlap\":60,\"passages\":0,\"minSimilarity\":0.6}");
      assertThat(off.statusCode()).isEqualTo(200);
      String answer =
          KnowledgeApi.sendJson("POST", "/api/conversations", alice, "{\"question\":\"如何申请年假？\"}")
              .body();
      assertThat(answer).contains("\"citations\":[]");

      KnowledgeApi.sendJson("PUT", "/api/knowledge/settings", carol, defaults);
      String grounded =
          KnowledgeApi.sendJson("POST", "/api/conversations", alice, "{\"question\":\"如何申请年假？\"}")
              .body();
      assertThat(grounded).contains("\"citations\":[{\"n\":1,\"documentId\":" + handbook);
    } finally {
      KnowledgeApi.sendJson("PUT", "/api/knowledge/settings", carol, defaults);
    }
  }

  @Test
  void aConversationChoosesWhichDocumentsGroundIt() throws Exception {
    String handbookOnly =
        KnowledgeApi.sendJson(
                "POST",
                "/api/conversations",
                carol,
                "{\"question\":\"如何申请年假？\",\"collections\":[\"handbook\"]}")
            .body();
    assertThat(handbookOnly)
        .contains(
            "\"collections\":[\"handbook\"]", "\"citations\":[{\"n\":1,\"documentId\":" + handbook);
    String generalOnly =
        KnowledgeApi.sendJson(
                "POST",
                "/api/conversations",
                carol,
                "{\"question\":\"如何申请年假？\",\"collections\":[\"general\"]}")
            .body();
    assertThat(generalOnly).doesNotContain("\"documentId\":" + handbook + ",");

    String none =
        KnowledgeApi.sendJson(
                "POST",
                "/api/conversations",
                carol,
                "{\"question\":\"如何申请年假？\",\"documents\":false}")
            .body();
    assertThat(none).contains("\"documents\":false", "\"citations\":[]");

    HttpResponse<String> bad =
        KnowledgeApi.sendJson(
            "POST", "/api/conversations", carol, "{\"question\":\"q\",\"collections\":[\"<x>\"]}");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("is not a collection name");
  }

  @Test
  void theSearchBoxSuggestsTitlesAndHeadingsOfVisibleDocumentsOnly() throws Exception {
    String forAlice =
        KnowledgeApi.send(
                "GET",
                "/api/search/suggest?q=" + java.net.URLEncoder.encode("休假", StandardCharsets.UTF_8),
                alice)
            .body();
    assertThat(forAlice).contains("休假制度");
    String salaryForAlice =
        KnowledgeApi.send(
                "GET",
                "/api/search/suggest?q=" + java.net.URLEncoder.encode("薪酬", StandardCharsets.UTF_8),
                alice)
            .body();
    assertThat(salaryForAlice).as("hr only").isEqualTo("[]");
    String forBob =
        KnowledgeApi.send(
                "GET",
                "/api/search/suggest?q=" + java.net.URLEncoder.encode("休假", StandardCharsets.UTF_8),
                ApiIT.tokenFor("bob"))
            .body();
    assertThat(forBob).as("another company").isEqualTo("[]");
  }

  @Test
  void pdfResultsCarryTheirPageNumber() throws Exception {
    String body = KnowledgeApi.search(alice, "hotel nights reimbursed").body();

    assertThat(body).contains("\"documentId\":" + pdf, "\"page\":2", "<em>Hotel</em>");
  }

  @Test
  void aGroupOnlyDocumentIsFoundByTheGroupAlone() throws Exception {
    assertThat(KnowledgeApi.search(carol, "调薪预算").body()).contains("\"documentId\":" + salary);
    assertThat(KnowledgeApi.search(alice, "调薪预算").body())
        .as("alice is not in hr")
        .doesNotContain("\"documentId\":" + salary);
  }

  @Test
  void anotherCompanyFindsNothingAndCannotTouchTheDocuments() throws Exception {
    int cases = 0;
    for (String intruder : List.of("bob", "gina")) {
      String token = ApiIT.tokenFor(intruder);
      for (String query : List.of("如何申请年假", "调薪预算", "hotel nights reimbursed", "VPN password")) {
        String body = KnowledgeApi.search(token, query).body();
        assertThat(body).as(intruder + " searching " + query).contains("\"total\":0");
        cases++;
      }
    }
    String gina = ApiIT.tokenFor("gina");
    for (long id : List.of(handbook, salary, pdf)) {
      for (String[] call :
          new String[][] {
            {"GET", "/api/documents/" + id},
            {"DELETE", "/api/documents/" + id},
            {"POST", "/api/documents/" + id + "/reindex"}
          }) {
        HttpResponse<String> attempt = KnowledgeApi.send(call[0], call[1], gina);
        assertThat(attempt.statusCode()).as("gina " + call[0] + " " + call[1]).isEqualTo(404);
        assertThat(attempt.body()).contains("does not exist or is not in your company");
        cases++;
      }
    }
    assertThat(KnowledgeApi.send("GET", "/api/documents", gina).body())
        .doesNotContain("handbook.html", "salary.md");
    cases++;
    for (long id : List.of(handbook, salary, pdf)) {
      assertThat(KnowledgeApi.awaitSettled(carol, id)).as("untouched").contains("INDEXED");
    }
    System.out.println("Knowledge API: " + cases + " cross-tenant attack cases denied");
  }

  @Test
  void membersSearchButOnlyAdminsManageDocuments() throws Exception {
    assertThat(
            KnowledgeApi.upload(alice, "a.txt", "hello".getBytes(StandardCharsets.UTF_8), Map.of())
                .statusCode())
        .isEqualTo(403);
    assertThat(KnowledgeApi.send("GET", "/api/documents", alice).statusCode()).isEqualTo(403);
    assertThat(KnowledgeApi.send("DELETE", "/api/documents/" + handbook, alice).statusCode())
        .isEqualTo(403);
    assertThat(KnowledgeApi.search(ApiIT.tokenFor("root"), "年假").statusCode()).isEqualTo(403);
  }

  @Test
  void aDeletedDocumentIsGoneFromSearch() throws Exception {
    long doc =
        KnowledgeApi.id(
            KnowledgeApi.upload(
                carol,
                "parking.md",
                ("# 停车\n\n访客停车位在地下二层，需要前台登记车牌。\n" + RUN).getBytes(StandardCharsets.UTF_8),
                Map.of()));
    KnowledgeApi.awaitSettled(carol, doc);
    assertThat(KnowledgeApi.search(alice, "访客停车").body()).contains("\"documentId\":" + doc);

    assertThat(KnowledgeApi.send("DELETE", "/api/documents/" + doc, carol).statusCode())
        .isEqualTo(204);

    assertThat(KnowledgeApi.search(alice, "访客停车").body()).doesNotContain("\"documentId\":" + doc);
    assertThat(KnowledgeApi.send("GET", "/api/documents/" + doc, carol).statusCode())
        .isEqualTo(404);
  }

  static byte[] pdf(String... pages) throws Exception {
    try (PDDocument doc = new PDDocument()) {
      PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      for (String text : pages) {
        PDPage page = new PDPage();
        doc.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
          content.beginText();
          content.setFont(font, 12);
          content.newLineAtOffset(72, 700);
          content.showText(text);
          content.endText();
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    }
  }
}
