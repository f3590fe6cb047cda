package org.wenjin.engine.djl;

import ai.djl.ndarray.NDList;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.wenjin.engine.spi.ChatModelException;
import org.wenjin.engine.spi.Completion;
import org.wenjin.engine.spi.GenerationOptions;

/**
 * One answer being generated in a {@link RollingBatch}. The batch's thread appends its tokens as
 * events; the thread that asked reads them, decodes and streams the text, so a slow client never
 * holds up the batch. Either side may end it: the batch (end of sequence, token limit, failure) or
 * the asker ({@link #withdraw()}: stopped, or a stop sequence appeared).
 */
final class DecodingSequence {

  /** What the batch reports. */
  sealed interface Event {}

  record Token(int id) implements Event {}

  record End(Completion.FinishReason reason) implements Event {}

  record Failed(ChatModelException error) implements Event {}

  final long[] prompt;
  final GenerationOptions options;

  /** The most tokens it may generate: its own limit, and what the model's length leaves. */
  final int budget;

  /** Keeps generating past the end-of-sequence token (benchmarks want answers of one length). */
  final boolean ignoreEos;

  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private volatile boolean withdrawn;

  // the batch thread's own bookkeeping
  int prefilled;
  int generated;
  int lastToken;
  NDList ownCache;

  DecodingSequence(long[] prompt, GenerationOptions options, int budget, boolean ignoreEos) {
    this.prompt = prompt;
    this.options = options;
    this.budget = budget;
    this.ignoreEos = ignoreEos;
  }

  /** Asks the batch to drop it at the next step; its place goes to the next one waiting. */
  void withdraw() {
    withdrawn = true;
  }

  boolean withdrawn() {
    return withdrawn;
  }

  void tell(Event event) {
    events.add(event);
  }

  Event next() throws InterruptedException {
    return events.take();
  }

  /** Frees the cache it had while its prompt was read (batch thread). */
  void dropOwnCache() {
    if (ownCache != null) {
      ownCache.close();
      ownCache = null;
    }
  }
}
