package org.wenjin.engine.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.wenjin.engine.spi.ChatModelException;
import org.wenjin.engine.spi.Completion.FinishReason;

/**
 * Continuous batching for one loaded decoder (after DJL's RollingBatch and vLLM's scheduler): one
 * thread runs decoding steps for every conversation at once — the weights are read once per step
 * whatever the batch — and conversations join between steps and leave the moment they end or are
 * stopped, freeing their place.
 *
 * <p>Newcomers' prompts are read in chunks of {@code prefillChunk} tokens, a few chunks between two
 * decoding steps of the others, so a long prompt delays the running answers by a few chunks' work
 * per step rather than by the whole prompt. Each conversation samples with its own options.
 */
final class RollingBatch implements AutoCloseable {

  /** Prompt chunks read between two decoding steps. */
  static final int PREFILL_CHUNKS_PER_STEP = 4;

  private final ZooModel<NDList, NDList> model;
  private final DecoderConfig config;
  private final int maxBatch;
  private final int prefillChunk;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition work = lock.newCondition();
  private final ArrayDeque<DecodingSequence> incoming = new ArrayDeque<>();
  private final Thread thread;
  private volatile boolean closed;

  /** Read by metrics on any thread. */
  private volatile int runningNow;

  private final AtomicLong steps = new AtomicLong();
  private final AtomicLong rowSteps = new AtomicLong();
  private final long[] batchSizes;

  RollingBatch(
      String name, ZooModel<NDList, NDList> model, DecoderConfig config, int maxBatch, int chunk) {
    if (maxBatch < 1 || chunk < 1) {
      throw new IllegalArgumentException("max_batch and prefill_chunk must be at least 1");
    }
    this.model = model;
    this.config = config;
    this.maxBatch = maxBatch;
    this.prefillChunk = chunk;
    this.batchSizes = new long[maxBatch + 1];
    this.thread = new Thread(this::loop, "djl-batch-" + name);
    thread.setDaemon(true);
    thread.setContextClassLoader(ai.djl.engine.Engine.class.getClassLoader());
    thread.start();
  }

  void submit(DecodingSequence sequence) {
    lock.lock();
    try {
      if (closed) {
        throw new ChatModelException(
            ChatModelException.Kind.UNAVAILABLE, "the DJL model was unloaded");
      }
      incoming.add(sequence);
      work.signal();
    } finally {
      lock.unlock();
    }
  }

  /** Conversations decoding now (joined the batch) plus those whose prompt is being read. */
  int running() {
    return runningNow;
  }

  /** Decoding steps taken, and how many rows they computed in all (their mean is the batch). */
  long steps() {
    return steps.get();
  }

  long rowSteps() {
    return rowSteps.get();
  }

  /** How many steps ran with 1, 2, … {@code maxBatch} rows (index = rows). */
  long[] batchSizeCounts() {
    synchronized (batchSizes) {
      return batchSizes.clone();
    }
  }

  private void loop() {
    List<DecodingSequence> prefilling = new ArrayList<>();
    try (NDManager manager = model.getNDManager().newSubManager();
        BatchCache batch = new BatchCache(manager)) {
      ParameterStore store = new ParameterStore(manager, false);
      while (!closed) {
        if (!awaitWork(prefilling, batch)) {
          break;
        }
        try {
          dropWithdrawn(prefilling, batch);
          prefill(store, manager, prefilling, batch);
          if (!batch.isEmpty()) {
            decodeStep(store, manager, batch);
          }
        } catch (RuntimeException e) {
          failAll(prefilling, batch, e);
        } catch (Error e) {
          closed = true; // out of memory or a native failure: refuse new work, fail what waits
          failAll(prefilling, batch, new IllegalStateException(e.toString(), e));
          throw e;
        }
        runningNow = prefilling.size() + batch.rows().size();
      }
      failAll(prefilling, batch, null);
    }
  }

  /** Takes newcomers while there is room; waits when there is nothing to do. False: closed. */
  private boolean awaitWork(List<DecodingSequence> prefilling, BatchCache batch) {
    lock.lock();
    try {
      while (!closed && prefilling.isEmpty() && batch.isEmpty() && incoming.isEmpty()) {
        work.awaitUninterruptibly();
      }
      // a question stopped while it waited for a place leaves now, not when a place frees
      incoming.removeIf(
          s -> {
            if (s.withdrawn()) {
              s.tell(new DecodingSequence.End(FinishReason.CANCELLED));
            }
            return s.withdrawn();
          });
      while (!incoming.isEmpty() && prefilling.size() + batch.rows().size() < maxBatch) {
        prefilling.add(incoming.poll());
      }
      runningNow = prefilling.size() + batch.rows().size();
      return !closed;
    } finally {
      lock.unlock();
    }
  }

  private static void dropWithdrawn(List<DecodingSequence> prefilling, BatchCache batch) {
    for (Iterator<DecodingSequence> i = prefilling.iterator(); i.hasNext(); ) {
      DecodingSequence s = i.next();
      if (s.withdrawn()) {
        s.dropOwnCache();
        s.tell(new DecodingSequence.End(FinishReason.CANCELLED));
        i.remove();
      }
    }
    List<DecodingSequence> rows = batch.rows();
    boolean[] keep = new boolean[rows.size()];
    for (int r = 0; r < keep.length; r++) {
      keep[r] = !rows.get(r).withdrawn();
      if (!keep[r]) {
        rows.get(r).tell(new DecodingSequence.End(FinishReason.CANCELLED));
      }
    }
    batch.keep(keep);
  }

  /**
   * Reads up to {@value #PREFILL_CHUNKS_PER_STEP} chunks of newcomers' prompts between two decoding
   * steps, oldest newcomer first (a token budget per step, as vLLM's scheduler has): a burst of
   * questions gets its first tokens without one long prompt holding up the running answers.
   */
  private void prefill(
      ParameterStore store,
      NDManager manager,
      List<DecodingSequence> prefilling,
      BatchCache batch) {
    int budget = PREFILL_CHUNKS_PER_STEP * prefillChunk;
    while (budget > 0 && !prefilling.isEmpty()) {
      budget -= prefillChunk(store, manager, prefilling, batch, budget);
    }
  }

  /**
   * Reads the next chunk (at most {@code budget} tokens) of the oldest newcomer's prompt; once
   * read, it joins the batch.
   *
   * @return the tokens read
   */
  private int prefillChunk(
      ParameterStore store,
      NDManager manager,
      List<DecodingSequence> prefilling,
      BatchCache batch,
      int budget) {
    DecodingSequence s = prefilling.getFirst();
    int end = Math.min(s.prompt.length, s.prefilled + Math.min(prefillChunk, budget));
    long[] chunk = Arrays.copyOfRange(s.prompt, s.prefilled, end);
    float[] last;
    try (NDManager step = manager.newSubManager()) {
      NDList inputs = new NDList(step.create(chunk).reshape(1, chunk.length));
      if (s.ownCache != null) {
        inputs.addAll(s.ownCache);
      }
      NDList out = block().forward(store, inputs, false);
      last = out.get(0).get(0).get(chunk.length - 1).toFloatArray();
      s.dropOwnCache();
      s.ownCache = out.subNDList(1);
      s.ownCache.attach(manager);
    }
    s.prefilled = end;
    if (end < s.prompt.length) {
      return chunk.length;
    }
    // still in prefilling until it is in the batch: a failure here reaches it through failAll
    boolean goesOn = accept(s, Sampling.pick(last, s.options));
    prefilling.removeFirst();
    NDList own = s.ownCache;
    s.ownCache = null;
    if (goesOn) {
      try {
        batch.add(s, own);
      } catch (RuntimeException e) {
        own.close();
        s.tell(new DecodingSequence.Failed(failure(e)));
        throw e;
      }
    } else {
      own.close();
    }
    return chunk.length;
  }

  /** One token for every row of the batch. */
  private void decodeStep(ParameterStore store, NDManager manager, BatchCache batch) {
    List<DecodingSequence> rows = batch.rows();
    int n = rows.size();
    long[] last = new long[n];
    for (int r = 0; r < n; r++) {
      last[r] = rows.get(r).lastToken;
    }
    float[] logits;
    try (NDManager step = manager.newSubManager()) {
      NDList inputs = new NDList(step.create(last).reshape(n, 1));
      inputs.addAll(batch.layers());
      PairList<String, Object> params = new PairList<>();
      params.add(DecoderBlock.PADDING, batch.padding());
      NDList out = block().forward(store, inputs, false, params);
      NDArray scores = out.get(0);
      logits = scores.toFloatArray();
      batch.advance(out.subNDList(1));
    }
    count(n);
    int vocabulary = config.vocabSize();
    boolean[] keep = new boolean[n];
    for (int r = 0; r < n; r++) {
      DecodingSequence s = rows.get(r);
      keep[r] = accept(s, Sampling.pick(logits, r * vocabulary, vocabulary, s.options));
    }
    batch.keep(keep);
  }

  /**
   * Hands the sampled token to its conversation.
   *
   * @return whether it goes on (false: it ended, and was told)
   */
  private boolean accept(DecodingSequence s, int token) {
    if (token == config.eosTokenId() && !s.ignoreEos) {
      s.tell(new DecodingSequence.End(FinishReason.STOP));
      return false;
    }
    s.generated++;
    s.lastToken = token;
    s.tell(new DecodingSequence.Token(token));
    if (s.generated >= s.budget) {
      s.tell(new DecodingSequence.End(FinishReason.LENGTH));
      return false;
    }
    return true;
  }

  private void count(int rows) {
    steps.incrementAndGet();
    rowSteps.addAndGet(rows);
    synchronized (batchSizes) {
      batchSizes[rows]++;
    }
  }

  private Block block() {
    return model.getBlock();
  }

  /** A step failed (or the model is closing): every conversation in it ends with the error. */
  private void failAll(List<DecodingSequence> prefilling, BatchCache batch, RuntimeException e) {
    ChatModelException error =
        e == null
            ? new ChatModelException(
                ChatModelException.Kind.UNAVAILABLE, "the DJL model was unloaded")
            : failure(e);
    List<DecodingSequence> all = new ArrayList<>(prefilling);
    all.addAll(batch.rows());
    if (e == null) {
      lock.lock();
      try {
        all.addAll(incoming);
        incoming.clear();
      } finally {
        lock.unlock();
      }
    }
    all.forEach(
        s -> {
          s.dropOwnCache();
          s.tell(new DecodingSequence.Failed(error));
        });
    prefilling.clear();
    batch.close();
  }

  private static ChatModelException failure(RuntimeException e) {
    return new ChatModelException(
        ChatModelException.Kind.FAILED, "the DJL model failed: " + e.getMessage(), e);
  }

  @Override
  public void close() {
    lock.lock();
    try {
      closed = true;
      work.signalAll();
    } finally {
      lock.unlock();
    }
    try {
      thread.join(); // a step ends in milliseconds; the weights must outlive it
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
