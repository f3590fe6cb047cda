package org.wenjin.knowledge.infrastructure;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.wenjin.knowledge.domain.ParsedDocument;
import org.wenjin.knowledge.domain.TextBlock;
import org.wenjin.knowledge.domain.UnreadableDocumentException;

class TikaDocumentParserTest {

  private final TikaDocumentParser parser = new TikaDocumentParser();

  private ParsedDocument read(byte[] bytes, String name) {
    return parser.parse(bytes, name, parser.detect(bytes, name));
  }

  @Test
  void pdfKeepsPageNumbersAndTitle() throws Exception {
    byte[] pdf =
        SampleDocuments.pdf(
            "Travel policy", "Book flights through the portal.", "Hotels up to 150 EUR.");

    ParsedDocument doc = read(pdf, "travel.pdf");

    assertThat(doc.title()).isEqualTo("Travel policy");
    assertThat(doc.pages()).isEqualTo(2);
    assertThat(doc.blocks())
        .extracting(TextBlock::text, TextBlock::page)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Book flights through the portal.", 1),
            org.assertj.core.groups.Tuple.tuple("Hotels up to 150 EUR.", 2));
  }

  @Test
  void htmlGivesHeadingPathsAndNeverItsScripts() {
    String html =
        "<html><head><title>员工手册</title><script>alert('x')</script></head><body>"
            + "<h1>休假</h1><h2>年假</h2><p>员工每年享有十五天年假。</p>"
            + "<script>document.write('注入')</script><h2>病假</h2><p>病假需要医院证明。</p>"
            + "</body></html>";

    ParsedDocument doc = read(html.getBytes(StandardCharsets.UTF_8), "handbook.html");

    assertThat(doc.title()).isEqualTo("员工手册");
    assertThat(doc.blocks())
        .extracting(TextBlock::heading, TextBlock::text)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("休假 › 年假", "员工每年享有十五天年假。"),
            org.assertj.core.groups.Tuple.tuple("休假 › 病假", "病假需要医院证明。"));
    assertThat(doc.blocks()).noneMatch(b -> b.text().contains("alert") || b.text().contains("注入"));
  }

  @Test
  void docxParagraphsAreRead() throws Exception {
    byte[] docx = SampleDocuments.docx("Expense reports are due monthly.", "报销单每月提交。");

    ParsedDocument doc = read(docx, "expenses.docx");

    assertThat(doc.blocks())
        .extracting(TextBlock::text)
        .containsExactly("Expense reports are due monthly.", "报销单每月提交。");
  }

  @Test
  void gbkTextIsDecoded() {
    String text = "公司网络使用规定\n\n所有员工必须使用公司提供的虚拟专用网络访问内部系统，禁止使用个人设备连接生产环境。\n";
    byte[] gbk = text.getBytes(Charset.forName("GB18030"));

    ParsedDocument doc = read(gbk, "network.txt");

    assertThat(doc.blocks()).extracting(TextBlock::text).contains("公司网络使用规定");
    assertThat(doc.blocks().get(1).text()).startsWith("所有员工必须使用公司提供的虚拟专用网络");
  }

  @Test
  void markdownHeadingsBecomeHeadingPaths() {
    String md =
        "# Onboarding\n\nWelcome aboard.\n\n## Laptop\n\nIT hands out laptops\non day one.\n";

    ParsedDocument doc = read(md.getBytes(StandardCharsets.UTF_8), "onboarding.md");

    assertThat(doc.title()).isEqualTo("Onboarding");
    assertThat(doc.blocks())
        .extracting(TextBlock::heading, TextBlock::text)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Onboarding", "Welcome aboard."),
            org.assertj.core.groups.Tuple.tuple(
                "Onboarding › Laptop", "IT hands out laptops on day one."));
  }

  @Test
  void aZipBombIsStoppedBeforeItsTextIsRead() throws Exception {
    byte[] bomb = SampleDocuments.docxBomb(200_000_000);
    assertThat(bomb.length).as("small on disk").isLessThan(1_000_000);

    assertThatThrownBy(() -> read(bomb, "bomb.docx"))
        .isInstanceOf(UnreadableDocumentException.class)
        .hasMessageMatching("(?s).*(zip bomb|more than 10000000 characters).*");
  }

  @Test
  void moreTextThanTheLimitFailsTheDocumentRatherThanIndexingPartOfIt() throws Exception {
    TikaDocumentParser small = new TikaDocumentParser(1_000);
    String words = "All employees get fifteen days of annual leave. ".repeat(30);
    byte[] html = ("<html><body><p>" + words + "</p></body></html>").getBytes(UTF_8);
    byte[] text = words.getBytes(UTF_8);
    byte[] docx = SampleDocuments.docx(words);

    for (var file : java.util.Map.of("a.html", html, "a.txt", text, "a.docx", docx).entrySet()) {
      assertThatThrownBy(
              () ->
                  small.parse(
                      file.getValue(), file.getKey(), small.detect(file.getValue(), file.getKey())))
          .as(file.getKey())
          .isInstanceOf(UnreadableDocumentException.class)
          .hasMessage(
              "The document has more than 1000 characters of text; split it into smaller files.");
    }
    assertThat(read(html, "a.html").characters())
        .as("within the default limit")
        .isGreaterThan(1000);
  }

  @Test
  void anInterruptedParseStopsAtItsNextPieceOfText() {
    byte[] html = "<html><body><p>一</p><p>二</p></body></html>".getBytes(UTF_8);
    Thread.currentThread().interrupt(); // as the ingestion worker does when the time is up
    try {
      assertThatThrownBy(() -> parser.parse(html, "a.html", "text/html"))
          .isInstanceOf(UnreadableDocumentException.class)
          .hasMessage("Reading the document was stopped.");
      assertThatThrownBy(() -> parser.parse("一\n\n二".getBytes(UTF_8), "a.txt", "text/plain"))
          .isInstanceOf(UnreadableDocumentException.class)
          .hasMessage("Reading the document was stopped.");
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void encryptedPdfIsRefusedWithAReason() throws Exception {
    byte[] pdf = SampleDocuments.encryptedPdf();
    assertThatThrownBy(() -> read(pdf, "secret.pdf"))
        .isInstanceOf(UnreadableDocumentException.class)
        .hasMessageContaining("password-protected");
  }

  @Test
  void unsupportedTypesAndEmptyFilesAreRefusedAtDetection() throws Exception {
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(zip)) {
      out.putNextEntry(new ZipEntry("a.txt"));
      out.write("hello".getBytes(StandardCharsets.UTF_8));
    }
    assertThatThrownBy(() -> parser.detect(zip.toByteArray(), "archive.zip"))
        .isInstanceOf(UnreadableDocumentException.class)
        .hasMessageContaining("application/zip")
        .hasMessageContaining("not supported");
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};
    assertThatThrownBy(() -> parser.detect(png, "photo.png")).hasMessageContaining("image/png");
    assertThatThrownBy(() -> parser.detect(new byte[0], "empty.txt")).hasMessageContaining("empty");
  }

  @Test
  void aPdfThatIsNotOneIsReportedAsDamaged() {
    byte[] fake = "%PDF-1.7\nthis is not really a pdf".getBytes(StandardCharsets.US_ASCII);
    assertThatThrownBy(() -> read(fake, "broken.pdf"))
        .isInstanceOf(UnreadableDocumentException.class)
        .hasMessageContaining("damaged");
  }
}
