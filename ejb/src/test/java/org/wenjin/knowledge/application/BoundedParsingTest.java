package org.wenjin.knowledge.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.wenjin.knowledge.domain.DocumentParser;
import org.wenjin.knowledge.domain.ParsedDocument;
import org.wenjin.knowledge.domain.TextBlock;
import org.wenjin.knowledge.domain.UnreadableDocumentException;
import org.wenjin.knowledge.infrastructure.TikaDocumentParser;
import org.wenjin.platform.text.RuleMessage;

class BoundedParsingTest {

  private static final ThreadFactory DAEMONS =
      r -> {
        Thread t = new Thread(r, "test-parse");
        t.setDaemon(true);
        return t;
      };

  /** Opened at the end of each test: lets the deaf parsers below return. */
  private final CountDownLatch release = new CountDownLatch(1);

  @AfterEach
  void releaseStuckParsers() {
    release.countDown();
  }

  /** Never returns until {@link #release}, and ignores interrupts on the way. */
  private final DocumentParser deaf =
      parser(
          () -> {
            while (release.getCount() > 0) {
              try {
                release.await();
              } catch (InterruptedException ignored) {
                // goes on regardless
              }
            }
            return true;
          });

  /** Sleeps for ever, but stops when interrupted. */
  private final DocumentParser listening =
      parser(
          () -> {
            try {
              Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
              throw new UnreadableDocumentException(RuleMessage.verbatim("interrupted"));
            }
            return true;
          });

  private final DocumentParser quick = parser(() -> true);

  @Test
  void aParserThatNeverReturnsTimesOutWithTheReason() {
    BoundedParsing parsing = new BoundedParsing(deaf, Duration.ofMillis(200), 2, DAEMONS);

    long started = System.nanoTime();
    assertThatThrownBy(() -> parsing.parse(1, new byte[] {1}, "endless.pdf", "application/pdf"))
        .isInstanceOf(UnreadableDocumentException.class)
        .hasMessageContaining("took longer than")
        .hasMessageContaining("stopped and not indexed");

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    assertThat(parsing.busy()).as("the deaf parse still holds its thread").isOne();
  }

  @Test
  void theMessageNamesTheLimitInSeconds() {
    BoundedParsing parsing = new BoundedParsing(deaf, Duration.ofSeconds(1), 1, DAEMONS);

    assertThatThrownBy(() -> parsing.parse(1, new byte[] {1}, "endless.pdf", "application/pdf"))
        .hasMessageStartingWith("Reading the document took longer than 1 s");
  }

  @Test
  void abandonedParsesAreBoundedAndFailFastOnceAllThreadsAreStuck() {
    BoundedParsing parsing = new BoundedParsing(deaf, Duration.ofMillis(100), 2, DAEMONS);
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> parsing.parse(1, new byte[] {1}, "a.pdf", "application/pdf"))
          .isInstanceOf(UnreadableDocumentException.class);
    }

    long started = System.nanoTime();
    assertThatThrownBy(() -> parsing.parse(2, new byte[] {1}, "b.pdf", "application/pdf"))
        .isInstanceOf(BoundedParsing.NoParserFree.class)
        .hasMessageContaining("all 2 parsing threads are busy");
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .as("refused at once, not queued behind the stuck ones")
        .isLessThan(Duration.ofSeconds(1));

    release.countDown();
    awaitTrue(() -> parsing.busy() == 0, "the stuck parses ended and gave their threads back");
  }

  @Test
  void anInterruptedParserGivesItsThreadBackAndTheNextDocumentIsRead() {
    BoundedParsing listeningParse =
        new BoundedParsing(listening, Duration.ofMillis(100), 1, DAEMONS);
    assertThatThrownBy(() -> listeningParse.parse(1, new byte[] {1}, "a.pdf", "application/pdf"))
        .hasMessageContaining("took longer than");
    awaitTrue(() -> listeningParse.busy() == 0, "the interrupted parse ended");

    BoundedParsing parsing = new BoundedParsing(quick, Duration.ofSeconds(5), 1, DAEMONS);
    assertThat(parsing.parse(2, new byte[] {1}, "b.md", "text/markdown").blocks()).hasSize(1);
    assertThat(parsing.parse(3, new byte[] {1}, "c.md", "text/markdown").blocks()).hasSize(1);
  }

  @Test
  void theParsersOwnReasonsPassThroughAndStackOverflowsAreUnreadable() {
    DocumentParser damaged =
        parser(
            () -> {
              throw new UnreadableDocumentException(RuleMessage.verbatim("The file is damaged."));
            });
    DocumentParser recursive =
        parser(
            () -> {
              throw new StackOverflowError();
            });

    assertThatThrownBy(
            () ->
                new BoundedParsing(damaged, Duration.ofSeconds(5), 1, DAEMONS)
                    .parse(1, new byte[] {1}, "a.pdf", "application/pdf"))
        .isInstanceOf(UnreadableDocumentException.class)
        .hasMessage("The file is damaged.");
    assertThatThrownBy(
            () ->
                new BoundedParsing(recursive, Duration.ofSeconds(5), 1, DAEMONS)
                    .parse(1, new byte[] {1}, "a.pdf", "application/pdf"))
        .isInstanceOf(UnreadableDocumentException.class)
        .hasMessageContaining("nested too deeply");
  }

  @Test
  void realTikaIsStoppedInAHugeDocumentAndItsThreadEnds() {
    // 200,000 paragraphs (9 MB of HTML, 8 million characters): Tika needs seconds for it
    StringBuilder html = new StringBuilder("<html><body>");
    for (int i = 0; i < 200_000; i++) {
      html.append("<p>paragraph number ").append(i).append(" with some words</p>");
    }
    byte[] bytes = html.append("</body></html>").toString().getBytes(StandardCharsets.UTF_8);
    TikaDocumentParser tika = new TikaDocumentParser();
    AtomicReference<String> howTikaEnded = new AtomicReference<>();
    DocumentParser watched =
        new DocumentParser() {
          @Override
          public String detect(byte[] b, String fileName) {
            return tika.detect(b, fileName);
          }

          @Override
          public ParsedDocument parse(byte[] b, String fileName, String mediaType) {
            try {
              ParsedDocument read = tika.parse(b, fileName, mediaType);
              howTikaEnded.set("read to the end");
              return read;
            } catch (RuntimeException e) {
              howTikaEnded.set(e.getMessage());
              throw e;
            }
          }
        };
    BoundedParsing parsing = new BoundedParsing(watched, Duration.ofMillis(100), 1, DAEMONS);

    assertThatThrownBy(() -> parsing.parse(1, bytes, "huge.html", "text/html"))
        .isInstanceOf(UnreadableDocumentException.class)
        .hasMessageContaining("took longer than");
    awaitTrue(() -> parsing.busy() == 0, "the parsing thread ended");
    assertThat(howTikaEnded.get())
        .as("Tika stopped at the interrupt rather than reading to the end")
        .isEqualTo("Reading the document was stopped.");
  }

  @Test
  void limitsThatMakeNoSenseAreRefusedWithTheSetting() {
    assertThatThrownBy(() -> new BoundedParsing(quick, Duration.ZERO, 1, DAEMONS))
        .hasMessageContaining("wenjin.knowledge.parse-timeout-seconds must be at least 1");
    assertThatThrownBy(() -> new BoundedParsing(quick, Duration.ofSeconds(60), 0, DAEMONS))
        .hasMessageContaining("wenjin.knowledge.parse-threads must be at least 1");
  }

  private static DocumentParser parser(BooleanSupplier body) {
    return new DocumentParser() {
      @Override
      public String detect(byte[] bytes, String fileName) {
        return "text/markdown";
      }

      @Override
      public ParsedDocument parse(byte[] bytes, String fileName, String mediaType) {
        body.getAsBoolean();
        return new ParsedDocument(null, null, List.of(new TextBlock("text", null, "", 0)));
      }
    };
  }

  private static void awaitTrue(BooleanSupplier condition, String what) {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!condition.getAsBoolean() && System.nanoTime() < until) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    assertThat(condition.getAsBoolean()).as(what).isTrue();
  }
}
