package org.wenjin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bad input to the knowledge API: each refused or failed with a reason users can act on, and
 * nothing half-stored or half-indexed.
 */
class KnowledgeBadInputIT {

  private static final String RUN = UUID.randomUUID().toString();
  private static String carol;
  private static String alice;

  @BeforeAll
  static void signIn() throws Exception {
    carol = ApiIT.tokenFor("carol");
    alice = ApiIT.tokenFor("alice");
  }

  @Test
  void badUploadsAreRefusedWithAReasonAndStoreNothing() throws Exception {
    int before = count(KnowledgeApi.send("GET", "/api/documents", carol).body());

    HttpResponse<String> empty = KnowledgeApi.upload(carol, "empty.txt", new byte[0], Map.of());
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(empty.body()).contains("empty");

    HttpResponse<String> zip = KnowledgeApi.upload(carol, "files.zip", zip(), Map.of());
    assertThat(zip.statusCode()).isEqualTo(400);
    assertThat(zip.body()).contains("not supported");

    HttpResponse<String> noFile = KnowledgeApi.upload(carol, null, null, Map.of("title", "x"));
    assertThat(noFile.statusCode()).isEqualTo(400);
    assertThat(noFile.body()).contains("'file'");

    HttpResponse<String> badLabel =
        KnowledgeApi.upload(
            carol, "ok.txt", "text".getBytes(StandardCharsets.UTF_8), Map.of("labels", "<b>x</b>"));
    assertThat(badLabel.statusCode()).isEqualTo(400);
    assertThat(badLabel.body()).contains("not a valid label name");

    assertThat(count(KnowledgeApi.send("GET", "/api/documents", carol).body())).isEqualTo(before);
  }

  @Test
  void aFileNameWithPathTricksKeepsOnlyItsName() throws Exception {
    HttpResponse<String> created =
        KnowledgeApi.upload(
            carol,
            "../../etc/passwd.txt",
            ("Nothing secret here. " + RUN).getBytes(StandardCharsets.UTF_8),
            Map.of());
    assertThat(created.body()).contains("\"sourceName\":\"passwd.txt\"");
    // deleted at once, most likely while the worker indexes it: the delete wins
    long id = KnowledgeApi.id(created);
    assertThat(KnowledgeApi.send("DELETE", "/api/documents/" + id, carol).statusCode())
        .isEqualTo(204);
    Thread.sleep(1500);
    assertThat(KnowledgeApi.send("GET", "/api/documents/" + id, carol).statusCode()).isEqualTo(404);
    assertThat(KnowledgeApi.search(carol, "Nothing secret here").body())
        .doesNotContain("\"documentId\":" + id + ",");
  }

  @Test
  void aDamagedFileFailsWithTheReasonAndLeavesNothingSearchable() throws Exception {
    long broken =
        KnowledgeApi.id(
            KnowledgeApi.upload(
                carol,
                "broken.pdf",
                ("%PDF-1.7\nzebra quokka platypus " + RUN).getBytes(StandardCharsets.US_ASCII),
                Map.of()));

    String settled = KnowledgeApi.awaitSettled(carol, broken);

    assertThat(settled).contains("\"status\":\"FAILED\"", "damaged", "\"chunksDone\":0");
    assertThat(KnowledgeApi.search(carol, "zebra quokka platypus").body()).contains("\"total\":0");
    KnowledgeApi.send("DELETE", "/api/documents/" + broken, carol);
  }

  @Test
  void emptyAndWordlessSearchesGetAHint() throws Exception {
    HttpResponse<String> empty = KnowledgeApi.search(alice, "  ");
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(empty.body()).contains("Type a word or a question");
    HttpResponse<String> punctuation = KnowledgeApi.search(alice, "?!。，");
    assertThat(punctuation.statusCode()).isEqualTo(400);
    assertThat(punctuation.body()).contains("no words");
  }

  private static int count(String json) {
    return (int) java.util.regex.Pattern.compile("\"id\":").matcher(json).results().count();
  }

  private static byte[] zip() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(bytes)) {
      out.putNextEntry(new ZipEntry("inner.txt"));
      out.write("hello".getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }
}
