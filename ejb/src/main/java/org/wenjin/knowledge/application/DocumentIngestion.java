package org.wenjin.knowledge.application;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.wenjin.inference.application.EmbeddingService;
import org.wenjin.knowledge.domain.Chunk;
import org.wenjin.knowledge.domain.Chunker;
import org.wenjin.knowledge.domain.DocumentParser;
import org.wenjin.knowledge.domain.IndexedDocument;
import org.wenjin.knowledge.domain.IngestionQueue.Claim;
import org.wenjin.knowledge.domain.KnowledgeIndex;
import org.wenjin.knowledge.domain.ParsedDocument;
import org.wenjin.knowledge.domain.QueryLanguage;

/**
 * One claimed document into the index: parse, chunk, embed and write in batches (overlapping the
 * embedding of the next batch), drop the old tail, refresh, mark it indexed. Runs inside the job's
 * tenant scope; failures go up to {@link IngestionWorker}, which decides on retries.
 *
 * <p>Parsing runs on threads of its own within {@code wenjin.knowledge.parse-timeout-seconds}
 * (default 60) and on at most {@code wenjin.knowledge.parse-threads} (default 4) at once, see
 * {@link BoundedParsing}: a document that takes longer fails with that reason and is not retried
 * (it would take as long again), and the worker goes on.
 *
 * <p>A CDI bean, not an EJB: a container transaction around a whole document would outlive its
 * timeout; each database step commits on its own ({@link IngestionSteps}). Stateless apart from the
 * parsing threads, so the worker's loops share it.
 */
@ApplicationScoped
public class DocumentIngestion {

  private static final Logger LOG = Logger.getLogger(DocumentIngestion.class.getName());

  /** Chunks embedded and written per step; a progress update follows each. */
  static final int BATCH = 64;

  @Inject private IngestionSteps steps;

  @Inject private DocumentParser parser;

  @Inject private EmbeddingService embeddings;

  @Inject private KnowledgeIndex index;

  @Inject
  @ConfigProperty(name = "wenjin.knowledge.parse-timeout-seconds", defaultValue = "60")
  int parseTimeoutSeconds = 60;

  /**
   * Above {@code wenjin.ingestion.workers}: the spare ones let reading go on past a stuck parse.
   */
  @Inject
  @ConfigProperty(name = "wenjin.knowledge.parse-threads", defaultValue = "4")
  int parseThreads = 4;

  /** Threads the server knows of (the deployment's class loader and naming), made one per parse. */
  @Resource(lookup = "java:jboss/ee/concurrency/factory/default")
  private ManagedThreadFactory threadFactory;

  private BoundedParsing parsing;

  @PostConstruct
  void startParsing() {
    parsing =
        new BoundedParsing(
            parser, Duration.ofSeconds(parseTimeoutSeconds), parseThreads, threadFactory);
  }

  @PreDestroy
  void stopParsing() {
    parsing.close();
  }

  /** Indexes the claimed document; returns quietly when it was deleted meanwhile. */
  void ingest(Claim claim) {
    Optional<IngestionSteps.Work> begun = steps.begin(claim);
    if (begun.isEmpty()) {
      return;
    }
    IngestionSteps.Work work = begun.get();
    long started = System.nanoTime();
    Duration parseLimit = Duration.ofSeconds(parseTimeoutSeconds);
    if (parseLimit.compareTo(IngestionSteps.LEASE.dividedBy(2)) > 0) {
      // a long limit would outlast the claim's lease, and another worker take the job meanwhile
      steps.hold(claim, parseLimit.plus(IngestionSteps.LEASE));
    }
    ParsedDocument parsed =
        parsing.parse(
            claim.documentId(),
            work.bytes(),
            work.document().sourceName(),
            work.document().mediaType());
    List<Chunk> chunks = new Chunker(work.chunking()).chunk(parsed.blocks());
    long parsedAt = System.nanoTime();
    long embedNanos = 0;
    Optional<IndexedDocument> document =
        steps.started(claim, chunks.size(), parsed.pages(), parsed.title());
    if (document.isEmpty()) {
      return;
    }
    // the index writes batch n while the model embeds batch n + 1: the two use different
    // processes (and mostly different cores), so neither waits for the other
    CompletableFuture<Void> writing = CompletableFuture.completedFuture(null);
    int written = 0;
    for (int from = 0; from < chunks.size(); from += BATCH) {
      List<Chunk> batch = chunks.subList(from, Math.min(chunks.size(), from + BATCH));
      long embedding = System.nanoTime();
      Embedded embedded = embed(batch);
      embedNanos += System.nanoTime() - embedding;
      if (!written(writing, claim, written)) {
        removeWritten(work, chunks.size());
        return;
      }
      writing = index.index(document.get(), batch, embedded.vectors(), embedded.models());
      written = from + batch.size();
    }
    if (!written(writing, claim, written)) {
      removeWritten(work, chunks.size());
      return;
    }
    // a previous, longer version of the document may have left chunks beyond the new end
    index.delete(work.document().id(), chunks.size(), work.chunkHighWater());
    index.refresh(); // INDEXED means searchable
    if (!stillThere(() -> steps.indexed(claim), claim)) {
      removeWritten(work, chunks.size());
      return;
    }
    long total = (System.nanoTime() - started) / 1_000_000;
    long parse = (parsedAt - started) / 1_000_000;
    long embed = embedNanos / 1_000_000;
    LOG.info(
        () ->
            String.format(
                "indexed document %d: %d chunks in %d ms (parse %d, embed %d, index and"
                    + " bookkeeping %d)",
                claim.documentId(), chunks.size(), total, parse, embed, total - parse - embed));
  }

  /**
   * Waits for a write to the index and records the progress it made; false when the document was
   * deleted meanwhile.
   */
  private record Embedded(List<float[]> vectors, List<String> models) {}

  /**
   * Each passage embedded by the model of its language (heading and text, as the question will be
   * compared with both); the batch's Chinese and English passages each in one call.
   */
  private Embedded embed(List<Chunk> batch) {
    float[][] vectors = new float[batch.size()][];
    String[] models = new String[batch.size()];
    for (QueryLanguage language : QueryLanguage.values()) {
      List<Integer> positions = new ArrayList<>();
      List<String> texts = new ArrayList<>();
      for (int i = 0; i < batch.size(); i++) {
        Chunk c = batch.get(i);
        if (QueryLanguage.of(c.text()) == language) {
          positions.add(i);
          texts.add(c.heading().isEmpty() ? c.text() : c.heading() + "\n" + c.text());
        }
      }
      if (texts.isEmpty()) {
        continue;
      }
      List<float[]> embedded = embeddings.embedPassages(language.tag(), texts);
      String model = embeddings.modelId(language.tag());
      for (int k = 0; k < positions.size(); k++) {
        vectors[positions.get(k)] = embedded.get(k);
        models[positions.get(k)] = model;
      }
    }
    return new Embedded(List.of(vectors), List.of(models));
  }

  private boolean written(CompletableFuture<Void> write, Claim claim, int chunksDone) {
    try {
      write.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw e;
    }
    return chunksDone == 0 || stillThere(() -> steps.progress(claim, chunksDone), claim);
  }

  /**
   * Runs a step that records progress; false when the document was deleted meanwhile (the step
   * found no row, or failed because the row went away under it).
   */
  private boolean stillThere(BooleanSupplier step, Claim claim) {
    try {
      return step.getAsBoolean();
    } catch (RuntimeException e) {
      if (steps.exists(claim)) {
        throw e;
      }
      return false;
    }
  }

  /** Deleted while being indexed: take back what this run wrote. */
  private void removeWritten(IngestionSteps.Work work, int chunks) {
    index.delete(work.document().id(), 0, Math.max(chunks, work.chunkHighWater()));
    LOG.info(() -> "document " + work.document().id() + " was deleted while being indexed");
  }
}
