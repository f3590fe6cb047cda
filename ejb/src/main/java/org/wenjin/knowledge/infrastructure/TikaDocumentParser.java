package org.wenjin.knowledge.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.ZeroByteFileException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.wenjin.knowledge.domain.DocumentParser;
import org.wenjin.knowledge.domain.ParsedDocument;
import org.wenjin.knowledge.domain.TextBlock;
import org.wenjin.knowledge.domain.UnreadableDocumentException;
import org.wenjin.platform.text.RuleMessage;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Apache Tika behind {@link DocumentParser}. Only the formats in {@link #ACCEPTED} are indexed.
 * Limits against hostile files: Tika's AutoDetectParser guards against zip bombs (DOCX is a zip)
 * and absurd nesting with its SecureContentHandler; documents embedded in a document (attachments,
 * OLE objects) are never read, so there is no depth to unpack; a document with more than {@code
 * wenjin.knowledge.max-characters} of text fails. The time limit is the caller's (the ingestion
 * worker's); an interrupted parse stops at its next piece of text.
 */
@ApplicationScoped
public class TikaDocumentParser implements DocumentParser {

  /** Text beyond this is refused: about 4,000 pages of Chinese. */
  static final int MAX_CHARACTERS = 10_000_000;

  @Inject
  @ConfigProperty(name = "wenjin.knowledge.max-characters", defaultValue = "" + MAX_CHARACTERS)
  int maxCharacters = MAX_CHARACTERS;

  /** Accepted media types and how a user would call them. */
  static final Map<String, String> ACCEPTED =
      Map.of(
          "application/pdf", "PDF",
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word (DOCX)",
          "text/html", "HTML",
          "application/xhtml+xml", "HTML",
          "text/plain", "plain text",
          "text/x-web-markdown", "Markdown",
          "text/markdown", "Markdown");

  private final TikaConfig config = TikaConfig.getDefaultConfig();
  private final AutoDetectParser parser = new AutoDetectParser(config);

  public TikaDocumentParser() {}

  /** With another text limit (tests). */
  TikaDocumentParser(int maxCharacters) {
    this.maxCharacters = maxCharacters;
  }

  @Override
  public String detect(byte[] bytes, String fileName) {
    if (bytes.length == 0) {
      throw new UnreadableDocumentException(RuleMessage.of("knowledge.file.empty"));
    }
    Metadata metadata = new Metadata();
    metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
    MediaType type;
    try (TikaInputStream in = TikaInputStream.get(bytes)) {
      type = config.getDetector().detect(in, metadata);
    } catch (IOException e) {
      throw new UnreadableDocumentException(
          RuleMessage.of("knowledge.file.unreadable", e.getMessage()), e);
    }
    String base = type.getBaseType().toString();
    if (!ACCEPTED.containsKey(base)) {
      throw new UnreadableDocumentException(
          RuleMessage.of("knowledge.file.type-unsupported", base));
    }
    return base;
  }

  @Override
  public ParsedDocument parse(byte[] bytes, String fileName, String mediaType) {
    if (maxCharacters < 1) {
      throw new IllegalStateException(
          "wenjin.knowledge.max-characters must be at least 1, not " + maxCharacters);
    }
    if (isMarkdownOrText(mediaType)) {
      return PlainTextBlocks.parse(bytes, fileName, mediaType.contains("markdown"), maxCharacters);
    }
    Metadata metadata = new Metadata();
    metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
    metadata.set(Metadata.CONTENT_TYPE, mediaType);
    StructureHandler handler = new StructureHandler(maxCharacters);
    ParseContext context = new ParseContext();
    context.set(EmbeddedDocumentExtractor.class, NO_EMBEDDED_DOCUMENTS);
    try (InputStream in = TikaInputStream.get(bytes)) {
      parser.parse(in, handler, metadata, context);
    } catch (EncryptedDocumentException e) {
      throw new UnreadableDocumentException(RuleMessage.of("knowledge.file.password"), e);
    } catch (ZeroByteFileException e) {
      throw new UnreadableDocumentException(RuleMessage.of("knowledge.file.empty"), e);
    } catch (SAXException e) {
      stoppedByTheHandler(e);
      if (isTooDeep(e)) {
        throw tooDeep(e);
      }
      if (isZipBomb(e)) {
        throw zipBomb(e);
      }
      throw new UnreadableDocumentException(
          RuleMessage.of("knowledge.file.damaged", format(mediaType), e.getMessage()), e);
    } catch (TikaException | IOException | RuntimeException e) {
      stoppedByTheHandler(e); // some parsers wrap what the handler threw
      if (isTooDeep(e)) {
        throw tooDeep(e);
      }
      if (isZipBomb(e)) {
        throw zipBomb(e);
      }
      throw new UnreadableDocumentException(
          RuleMessage.of("knowledge.file.damaged", format(mediaType), rootMessage(e)), e);
    }
    List<TextBlock> blocks = handler.blocks();
    if (blocks.isEmpty()) {
      throw new UnreadableDocumentException(RuleMessage.of("knowledge.file.no-text-scanned"));
    }
    return new ParsedDocument(title(metadata), handler.pages(), blocks);
  }

  /** Throws the reason when the handler stopped the parse: too much text, or interrupted. */
  private static void stoppedByTheHandler(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof StructureHandler.TooMuchTextException
          || t instanceof StructureHandler.StoppedException) {
        throw new UnreadableDocumentException(RuleMessage.from(t), e);
      }
    }
  }

  /** Tika's SecureContentHandler stops a file whose text is out of all proportion to its size. */
  private static boolean isZipBomb(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof org.apache.tika.exception.ZeroByteFileException) {
        return false;
      }
      String message = t.getMessage();
      if (message != null && message.toLowerCase(java.util.Locale.ROOT).contains("zip bomb")) {
        return true;
      }
    }
    return false;
  }

  /**
   * The SecureContentHandler's other guard: elements (or packages in packages) nested absurdly
   * deep, which it reports as a "zip bomb" too, with "levels of" in the message.
   */
  private static boolean isTooDeep(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String message = t.getMessage();
      if (message != null && message.contains("levels of")) {
        return true;
      }
    }
    return false;
  }

  private static UnreadableDocumentException tooDeep(Throwable e) {
    return new UnreadableDocumentException(RuleMessage.of("knowledge.file.structure-too-deep"), e);
  }

  /** Attachments and embedded objects are not part of the document's text, and never unpacked. */
  private static final EmbeddedDocumentExtractor NO_EMBEDDED_DOCUMENTS =
      new EmbeddedDocumentExtractor() {
        @Override
        public boolean shouldParseEmbedded(Metadata metadata) {
          return false;
        }

        @Override
        public void parseEmbedded(
            InputStream stream, ContentHandler handler, Metadata metadata, boolean outputHtml) {
          // never asked: shouldParseEmbedded says no
        }
      };

  private static UnreadableDocumentException zipBomb(Throwable e) {
    return new UnreadableDocumentException(RuleMessage.of("knowledge.file.zip-bomb"), e);
  }

  /** The format's name as people say it: “plain text” has words of its own in each language. */
  private static RuleMessage format(String mediaType) {
    String name = ACCEPTED.getOrDefault(mediaType, mediaType);
    return "plain text".equals(name)
        ? RuleMessage.of("knowledge.format.plain-text")
        : RuleMessage.verbatim(name);
  }

  private static boolean isMarkdownOrText(String mediaType) {
    return mediaType.startsWith("text/plain") || mediaType.contains("markdown");
  }

  private static String title(Metadata metadata) {
    String title = metadata.get(TikaCoreProperties.TITLE);
    if (title == null || title.isBlank()) {
      return null;
    }
    return StructureHandler.normalise(title);
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    List<Throwable> seen = new ArrayList<>();
    while (root.getCause() != null && !seen.contains(root.getCause())) {
      seen.add(root);
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
