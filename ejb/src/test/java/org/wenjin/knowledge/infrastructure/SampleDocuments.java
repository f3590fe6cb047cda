package org.wenjin.knowledge.infrastructure;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** Real files of each accepted format, made in the test with the libraries Tika itself uses. */
final class SampleDocuments {

  private SampleDocuments() {}

  /** One page per text, each text one line. */
  static byte[] pdf(String title, String... pageTexts) throws IOException {
    try (PDDocument doc = new PDDocument()) {
      doc.getDocumentInformation().setTitle(title);
      PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      for (String text : pageTexts) {
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
      return save(doc);
    }
  }

  static byte[] encryptedPdf() throws IOException {
    try (PDDocument doc = new PDDocument()) {
      doc.addPage(new PDPage());
      StandardProtectionPolicy policy =
          new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission());
      policy.setEncryptionKeyLength(128);
      doc.protect(policy);
      return save(doc);
    }
  }

  static byte[] docx(String... paragraphs) throws IOException {
    try (XWPFDocument doc = new XWPFDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      for (String p : paragraphs) {
        doc.createParagraph().createRun().setText(p);
      }
      doc.write(out);
      return out.toByteArray();
    }
  }

  /**
   * A Word file of a few dozen kilobytes whose one paragraph unpacks to {@code characters}
   * characters: the document part is streamed into the zip, never held in memory.
   */
  static byte[] docxBomb(int characters) throws IOException {
    byte[] small = docx("BOMB");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (java.util.zip.ZipInputStream in =
            new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(small));
        java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
      for (java.util.zip.ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        zip.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
        byte[] part = in.readAllBytes();
        if (e.getName().equals("word/document.xml")) {
          String xml = new String(part, java.nio.charset.StandardCharsets.UTF_8);
          int at = xml.indexOf("BOMB");
          zip.write(xml.substring(0, at).getBytes(java.nio.charset.StandardCharsets.UTF_8));
          byte[] block = "a".repeat(1 << 16).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
          for (int written = 0; written < characters; written += block.length) {
            zip.write(block);
          }
          zip.write(xml.substring(at + 4).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } else {
          zip.write(part);
        }
        zip.closeEntry();
      }
    }
    return out.toByteArray();
  }

  private static byte[] save(PDDocument doc) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    doc.save(out);
    return out.toByteArray();
  }
}
