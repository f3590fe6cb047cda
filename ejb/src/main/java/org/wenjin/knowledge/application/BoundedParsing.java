package org.wenjin.knowledge.application;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;
import org.wenjin.knowledge.domain.DocumentParser;
import org.wenjin.knowledge.domain.ParsedDocument;
import org.wenjin.knowledge.domain.UnreadableDocumentException;
import org.wenjin.platform.text.Explained;
import org.wenjin.platform.text.RuleMessage;

/**
 * Reads a document on a thread of its own within a time limit, so a hostile or endless file (or a
 * parser caught in a loop) fails with the reason and the worker goes on to the next document.
 *
 * <p>On time-out the parsing thread is interrupted and abandoned: Tika's handler stops at its next
 * piece of text when interrupted, but a parser looping without producing text ignores that and runs
 * on. Such threads are bounded: at most {@code threads} parses run at once, abandoned ones
 * included, each holding its place until it really ends. When none is free the document is not
 * queued behind them: {@link NoParserFree} says so at once, and the worker tries it again later.
 */
final class BoundedParsing implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(BoundedParsing.class.getName());

  private final DocumentParser parser;
  private final Duration timeout;
  private final int threads;
  private final ThreadFactory threadFactory;
  private final Semaphore free;
  private final Set<Thread> live = ConcurrentHashMap.newKeySet();

  /**
   * @throws IllegalArgumentException when the limits make no sense (the message names the setting)
   */
  BoundedParsing(
      DocumentParser parser, Duration timeout, int threads, ThreadFactory threadFactory) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException(
          "wenjin.knowledge.parse-timeout-seconds must be at least 1, not " + timeout.toSeconds());
    }
    if (threads < 1) {
      throw new IllegalArgumentException(
          "wenjin.knowledge.parse-threads must be at least 1, not " + threads);
    }
    this.parser = parser;
    this.timeout = timeout;
    this.threads = threads;
    this.threadFactory = threadFactory;
    this.free = new Semaphore(threads);
  }

  /**
   * Parses as {@link DocumentParser#parse} does, within the time limit.
   *
   * @throws UnreadableDocumentException when the file cannot be read, or not within the limit
   * @throws NoParserFree when every parsing thread is taken (by documents that would not stop)
   */
  ParsedDocument parse(long documentId, byte[] bytes, String fileName, String mediaType) {
    if (!free.tryAcquire()) {
      throw new NoParserFree(threads);
    }
    CompletableFuture<ParsedDocument> result = new CompletableFuture<>();
    Thread thread = null;
    try {
      thread =
          threadFactory.newThread(
              () -> {
                ParsedDocument parsed = null;
                Throwable failure = null;
                try {
                  parsed = parser.parse(bytes, fileName, mediaType);
                } catch (Throwable t) {
                  failure = t;
                } finally {
                  // the place is free before the caller hears: its next document may take it
                  live.remove(Thread.currentThread());
                  free.release();
                }
                if (failure == null) {
                  result.complete(parsed);
                } else {
                  result.completeExceptionally(failure);
                }
              });
      if (thread == null) {
        throw new IllegalStateException("no thread to read documents on (is the server stopping?)");
      }
      live.add(thread);
      thread.start();
    } catch (RuntimeException | Error e) { // e.g. "unable to create native thread"
      if (thread != null) {
        live.remove(thread);
      }
      free.release();
      throw new IllegalStateException("cannot start a thread to read the document: " + e, e);
    }
    try {
      return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      thread.interrupt();
      LOG.warning(
          () ->
              "reading document "
                  + documentId
                  + " ("
                  + fileName
                  + ") took longer than "
                  + timeout.toSeconds()
                  + " s: stopped; "
                  + (threads - free.availablePermits())
                  + " of "
                  + threads
                  + " parsing threads still busy");
      throw new UnreadableDocumentException(
          RuleMessage.of("knowledge.file.parse-timeout", timeout.toSeconds()));
    } catch (ExecutionException e) {
      throw unwrap(e.getCause());
    } catch (InterruptedException e) {
      thread.interrupt();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("stopped while reading the document", e);
    }
  }

  /** Threads now reading, abandoned ones included. */
  int busy() {
    return threads - free.availablePermits();
  }

  /** Interrupts every parse still running (those that ignore it end with the server). */
  @Override
  public void close() {
    live.forEach(Thread::interrupt);
  }

  private static RuntimeException unwrap(Throwable failure) {
    if (failure instanceof RuntimeException e) {
      return e;
    }
    if (failure instanceof StackOverflowError) {
      return new UnreadableDocumentException(
          RuleMessage.of("knowledge.file.nested-too-deeply"), failure);
    }
    // OutOfMemoryError and the like: not the document's fault alone, so the worker retries
    return new IllegalStateException("reading the document failed: " + failure, failure);
  }

  /** Every parsing thread is taken; the document waits for one. */
  static final class NoParserFree extends RuntimeException implements Explained {

    private final RuleMessage explanation;

    NoParserFree(int threads) {
      this(RuleMessage.of("knowledge.ingestion.parsers-busy", threads));
    }

    private NoParserFree(RuleMessage explanation) {
      super(explanation.english());
      this.explanation = explanation;
    }

    @Override
    public RuleMessage explanation() {
      return explanation;
    }
  }
}
