package org.wenjin.knowledge.application;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wenjin.engine.spi.ChatModelException;
import org.wenjin.inference.application.EmbeddingService;
import org.wenjin.knowledge.domain.Chunk;
import org.wenjin.knowledge.domain.ChunkingRules;
import org.wenjin.knowledge.domain.DocumentParser;
import org.wenjin.knowledge.domain.IndexedDocument;
import org.wenjin.knowledge.domain.IngestionQueue.Claim;
import org.wenjin.knowledge.domain.KnowledgeIndex;
import org.wenjin.knowledge.domain.ParsedDocument;
import org.wenjin.knowledge.domain.SearchHit;
import org.wenjin.knowledge.domain.SearchPage;
import org.wenjin.knowledge.domain.SearchRequest;
import org.wenjin.knowledge.domain.SearchUnavailableException;
import org.wenjin.knowledge.domain.TextBlock;
import org.wenjin.knowledge.domain.UnreadableDocumentException;
import org.wenjin.persistence.tenancy.TenantScope;
import org.wenjin.platform.text.RuleMessage;

/**
 * The worker's decisions for one job (and the document pipeline it runs), with the database steps,
 * parser, model and index replaced by recording fakes (the real ones are exercised end to end by
 * KnowledgeApiIT).
 */
class IngestionWorkerTest {

  // the fake parser knows the documents by their file names
  private static final IndexedDocument DOC =
      new IndexedDocument(
          7, "Handbook", "7", "text/markdown", "general", List.of(), List.of(), Instant.EPOCH);

  private static final IndexedDocument DOC8 =
      new IndexedDocument(
          8, "Policy", "8", "text/markdown", "general", List.of(), List.of(), Instant.EPOCH);

  private final RecordingSteps steps = new RecordingSteps();
  private final RecordingIndex index = new RecordingIndex();
  private final IngestionWorker worker = new IngestionWorker();
  private final DocumentIngestion ingestion = new DocumentIngestion();
  private List<TextBlock> blocks;
  private RuntimeException parseFailure;
  private RuntimeException embedFailure;

  /** Document ids whose parse never returns, interrupted or not. */
  private final Set<Long> endless = ConcurrentHashMap.newKeySet();

  private final CountDownLatch endOfTheWorld = new CountDownLatch(1);

  @BeforeEach
  void wire() throws Exception {
    blocks = paragraphs(40);
    set(worker, "steps", steps);
    set(worker, "ingestion", ingestion);
    set(ingestion, "steps", steps);
    set(ingestion, "index", index);
    set(
        ingestion,
        "parser",
        new DocumentParser() {
          @Override
          public String detect(byte[] bytes, String fileName) {
            return "text/markdown";
          }

          @Override
          public ParsedDocument parse(byte[] bytes, String fileName, String mediaType) {
            if (endless.contains(Long.valueOf(fileName))) {
              while (endOfTheWorld.getCount() > 0) { // a parser in a loop, deaf to interrupts
                try {
                  endOfTheWorld.await();
                } catch (InterruptedException ignored) {
                  // goes on regardless, as some of Tika's parsers do
                }
              }
            }
            if (parseFailure != null) {
              throw parseFailure;
            }
            return new ParsedDocument("Handbook", null, blocks);
          }
        });
    set(
        ingestion,
        "embeddings",
        new FakeEmbeddings() {
          @Override
          public List<float[]> embedPassages(String language, List<String> texts) {
            if (embedFailure != null) {
              throw embedFailure;
            }
            return texts.stream().map(t -> new float[] {1f}).toList();
          }
        });
    set(ingestion, "parseTimeoutSeconds", 1);
    set(ingestion, "parseThreads", 2);
    set(ingestion, "threadFactory", managedThreads());
    ingestion.startParsing();
  }

  @AfterEach
  void stopParsing() {
    endOfTheWorld.countDown();
    ingestion.stopParsing();
  }

  @Test
  void writesEveryChunkOnceInBatchesAndMarksTheDocumentIndexed() {
    blocks = paragraphs(150);

    worker.process(claim(1));

    assertThat(index.written).hasSize(150).doesNotHaveDuplicates();
    assertThat(index.written.get(0)).isEqualTo(0);
    assertThat(index.batches).allMatch(size -> size <= DocumentIngestion.BATCH);
    int batch = DocumentIngestion.BATCH;
    assertThat(steps.progress).containsExactly(batch, 2 * batch, 150);
    assertThat(index.refreshed).isTrue();
    assertThat(steps.outcome).isEqualTo("indexed");
    assertThat(TenantScope.current()).as("the scope is left").isEmpty();
  }

  @Test
  void aDocumentThatShrankLosesItsOldTail() {
    steps.highWater = 55;

    worker.process(claim(1));

    assertThat(index.deleted).containsExactly("7:40-55");
  }

  @Test
  void anUnreadableFileFailsForGoodWithItsReason() {
    parseFailure = new UnreadableDocumentException(RuleMessage.of("knowledge.file.password"));

    worker.process(claim(1));

    assertThat(steps.outcome)
        .isEqualTo("failed: The document is password-protected; upload a copy without a password.");
    assertThat(steps.reason.in(Locale.SIMPLIFIED_CHINESE))
        .as("kept to be said in the reader's language")
        .isEqualTo("文档受密码保护，请上传一份没有密码的副本。");
    assertThat(index.written).isEmpty();
  }

  @Test
  void aDocumentThatIsNeverReadFailsWithTheTimeLimitAndTheNextOneIsIndexed() {
    endless.add(7L);

    long started = System.nanoTime();
    worker.process(claim(1));

    assertThat(steps.outcome)
        .isEqualTo(
            "failed: Reading the document took longer than 1 s, so it was stopped and not"
                + " indexed. Split it into smaller files, or save it again from the program that"
                + " made it, and upload that.");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    assertThat(steps.failures).as("failed once, for good: no retry").isOne();
    assertThat(index.written).isEmpty();

    steps.document = DOC8;
    worker.process(new Claim(2, 3, 8, 1, Instant.EPOCH));

    assertThat(steps.outcome).isEqualTo("indexed");
    assertThat(index.written).hasSize(40);
  }

  @Test
  void whenEveryParsingThreadIsStuckTheDocumentWaitsForOneInsteadOfFailing() {
    endless.add(7L);
    worker.process(claim(1));
    worker.process(claim(1)); // the second parsing thread gets stuck too
    steps.document = DOC8;

    worker.process(new Claim(2, 3, 8, 1, Instant.EPOCH));

    assertThat(steps.outcome)
        .startsWith("retry: Waiting for a free parser: all 2 parsing threads are busy");
    assertThat(steps.reason.in(Locale.SIMPLIFIED_CHINESE)).startsWith("正在等待空闲的解析线程：全部 2 个解析线程都在忙");
    assertThat(steps.delay).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(6));

    endOfTheWorld.countDown(); // the stuck parses end at last, and give their threads back
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!"indexed".equals(steps.outcome) && System.nanoTime() < until) {
      worker.process(new Claim(2, 3, 8, 2, Instant.EPOCH));
    }
    assertThat(steps.outcome).isEqualTo("indexed");
  }

  @Test
  void anIndexOutageWaitsWithAGrowingDelayWithoutEverFailing() {
    index.down = true;

    worker.process(claim(1));
    Duration first = steps.delay;
    worker.process(claim(4));
    Duration fourth = steps.delay;
    worker.process(claim(40));

    assertThat(steps.outcome).startsWith("retry: Waiting for the search service");
    assertThat(first).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(6));
    assertThat(fourth).isBetween(Duration.ofSeconds(39), Duration.ofSeconds(41));
    assertThat(steps.delay)
        .as("capped")
        .isBetween(Duration.ofSeconds(299), Duration.ofSeconds(301));
  }

  @Test
  void aModelOutageWaitsToo() {
    embedFailure = new ChatModelException(ChatModelException.Kind.UNAVAILABLE, "no session");

    worker.process(claim(1));

    assertThat(steps.outcome).startsWith("retry: Waiting for the embedding model");
  }

  @Test
  void anUnexpectedErrorIsRetriedAFewTimesThenFails() {
    embedFailure = new IllegalStateException("boom");

    worker.process(claim(IngestionWorker.MAX_ATTEMPTS - 1));
    assertThat(steps.outcome).startsWith("retry: Indexing failed, will retry: boom");
    worker.process(claim(IngestionWorker.MAX_ATTEMPTS));
    assertThat(steps.outcome).isEqualTo("failed: Indexing failed 5 times: boom");
  }

  @Test
  void aDocumentDeletedWhileBeingIndexedTakesItsPassagesAlong() {
    steps.deleteAfterProgressCalls = 1;

    worker.process(claim(1));

    assertThat(index.deleted).containsExactly("7:0-40");
    assertThat(steps.outcome).isNull();
  }

  @Test
  void twoWorkersIndexTwoDocumentsAtTheSameTime() throws Exception {
    ExecutorService threads = Executors.newCachedThreadPool();
    set(worker, "executor", managed(threads));
    set(worker, "workers", 2);
    steps.queue.add(new Claim(1, 3, 7, 1, Instant.EPOCH));
    steps.queue.add(new Claim(2, 3, 8, 1, Instant.EPOCH));
    AtomicInteger embedding = new AtomicInteger();
    AtomicInteger mostAtOnce = new AtomicInteger();
    set(
        ingestion,
        "embeddings",
        new FakeEmbeddings() {
          @Override
          public List<float[]> embedPassages(String language, List<String> texts) {
            // each caller waits (up to 5 s) for a second one: only two workers get past together
            mostAtOnce.accumulateAndGet(embedding.incrementAndGet(), Math::max);
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (mostAtOnce.get() < 2 && System.nanoTime() < until) {
              Thread.onSpinWait();
            }
            embedding.decrementAndGet();
            return texts.stream().map(t -> new float[] {1f}).toList();
          }
        });

    worker.start();
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (steps.indexedCount.get() < 2 && System.nanoTime() < until) {
      Thread.sleep(20);
    }
    worker.stop();
    threads.shutdownNow();

    assertThat(steps.indexedCount).hasValue(2);
    assertThat(mostAtOnce).as("documents embedded at the same time").hasValue(2);
  }

  /** The container's thread factory, played by the JDK's. */
  private static ManagedThreadFactory managedThreads() {
    ThreadFactory threads = Executors.defaultThreadFactory();
    return (ManagedThreadFactory)
        Proxy.newProxyInstance(
            IngestionWorkerTest.class.getClassLoader(),
            new Class<?>[] {ManagedThreadFactory.class},
            (proxy, method, args) -> {
              Thread t = threads.newThread((Runnable) args[0]);
              t.setDaemon(true);
              return t;
            });
  }

  /** The container's executor, played by a plain one. */
  private static ManagedExecutorService managed(ExecutorService threads) {
    return (ManagedExecutorService)
        Proxy.newProxyInstance(
            IngestionWorkerTest.class.getClassLoader(),
            new Class<?>[] {ManagedExecutorService.class},
            (proxy, method, args) -> method.invoke(threads, args));
  }

  private static Claim claim(int attempt) {
    return new Claim(1, 3, 7, attempt, Instant.EPOCH);
  }

  private static List<TextBlock> paragraphs(int n) {
    List<TextBlock> blocks = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      // each paragraph fills a chunk of the default size on its own
      blocks.add(new TextBlock("段落" + i + "。" + "内容".repeat(200), null, "", i * 500));
    }
    return blocks;
  }

  private static void set(Object target, String field, Object value) throws Exception {
    Field f = target.getClass().getDeclaredField(field);
    f.setAccessible(true);
    f.set(target, value);
  }

  /** A model whose passages are embedded by each test its own way. */
  abstract static class FakeEmbeddings implements EmbeddingService {
    @Override
    public String modelId(String language) {
      return "test-model";
    }

    @Override
    public float[] embedQuery(String language, String text) {
      return new float[] {1f};
    }
  }

  /** The database steps, remembered instead of committed. */
  static final class RecordingSteps extends IngestionSteps {
    volatile IndexedDocument document = DOC;
    int failures;
    String outcome;
    volatile RuleMessage reason;
    Duration delay;
    int highWater;
    int deleteAfterProgressCalls = -1;
    final List<Integer> progress = new ArrayList<>();
    final Queue<Claim> queue = new ConcurrentLinkedQueue<>();
    final AtomicInteger indexedCount = new AtomicInteger();
    private boolean deleted;

    @Override
    public int prepareIndex() {
      return 0;
    }

    @Override
    public int requeueOrphans() {
      return 0;
    }

    @Override
    public Optional<Claim> claim() {
      return Optional.ofNullable(queue.poll());
    }

    @Override
    public Optional<Work> begin(Claim claim) {
      assertThat(TenantScope.current()).as("inside the job's tenant").contains(3L);
      return Optional.of(new Work(document, new byte[] {1}, highWater, ChunkingRules.DEFAULT));
    }

    @Override
    public Optional<IndexedDocument> started(Claim claim, int chunks, Integer pages, String title) {
      return Optional.of(document);
    }

    @Override
    public boolean progress(Claim claim, int done) {
      progress.add(done);
      if (progress.size() == deleteAfterProgressCalls) {
        deleted = true;
      }
      return !deleted;
    }

    @Override
    public boolean indexed(Claim claim) {
      outcome = "indexed";
      indexedCount.incrementAndGet();
      return true;
    }

    @Override
    public boolean exists(Claim claim) {
      return !deleted;
    }

    @Override
    public void failed(Claim claim, RuleMessage reason) {
      assertThat(TenantScope.current()).as("recorded inside the tenant").contains(3L);
      this.reason = reason;
      outcome = "failed: " + reason.english();
      failures++;
    }

    @Override
    public void retry(Claim claim, RuleMessage reason, Instant later) {
      assertThat(TenantScope.current()).as("recorded inside the tenant").contains(3L);
      this.reason = reason;
      outcome = "retry: " + reason.english();
      delay = Duration.between(Instant.now(), later);
    }
  }

  /** An index that remembers which chunk ids were written and deleted. */
  static final class RecordingIndex implements KnowledgeIndex {
    final List<Integer> written = new ArrayList<>();
    final List<Integer> batches = new ArrayList<>();
    final List<String> deleted = new ArrayList<>();
    boolean refreshed;
    boolean down;

    @Override
    public boolean prepare() {
      return false;
    }

    @Override
    public CompletableFuture<Void> index(
        IndexedDocument document, List<Chunk> chunks, List<float[]> vectors, List<String> models) {
      if (down) {
        return CompletableFuture.failedFuture(
            new SearchUnavailableException(RuleMessage.verbatim("down"), null));
      }
      batches.add(chunks.size());
      chunks.forEach(c -> written.add(c.index()));
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public void delete(long documentId, int from, int to) {
      if (from < to) {
        deleted.add(documentId + ":" + from + "-" + to);
      }
    }

    @Override
    public void refresh() {
      refreshed = true;
    }

    @Override
    public List<SearchHit> passages(long documentId) {
      return List.of();
    }

    @Override
    public List<String> suggest(String prefix, int max) {
      return List.of();
    }

    @Override
    public List<org.wenjin.knowledge.domain.Facet> collections() {
      return List.of();
    }

    @Override
    public SearchPage search(SearchRequest request) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<org.wenjin.knowledge.domain.SearchHit> highlight(
        String text, List<org.wenjin.knowledge.domain.SearchHit> hits) {
      throw new UnsupportedOperationException();
    }
  }
}
