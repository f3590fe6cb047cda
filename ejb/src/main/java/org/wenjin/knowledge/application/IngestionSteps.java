package org.wenjin.knowledge.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.wenjin.knowledge.domain.ChunkingRules;
import org.wenjin.knowledge.domain.DocumentRepository;
import org.wenjin.knowledge.domain.IndexedDocument;
import org.wenjin.knowledge.domain.IngestionQueue;
import org.wenjin.knowledge.domain.IngestionQueue.Claim;
import org.wenjin.knowledge.domain.KnowledgeIndex;
import org.wenjin.persistence.knowledge.KnowledgeDocument;
import org.wenjin.platform.text.RuleMessage;

/**
 * The ingestion worker's database steps, each committed on its own so progress is visible at once
 * and a crash loses at most the batch in flight. Document steps run inside the job's tenant scope
 * (entered by the worker); the queue steps serve every tenant.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class IngestionSteps {

  /**
   * How long a claim holds a job without news; every batch renews it. After a crash the job waits
   * this long before another worker (or the restarted one) takes it again.
   */
  static final Duration LEASE = Duration.ofMinutes(2);

  @Inject private IngestionQueue queue;

  @Inject private DocumentRepository documents;

  @Inject private KnowledgeIndex index;

  @Inject private KnowledgeSettingsService settings;

  /** What the worker needs to index a document. */
  public record Work(
      IndexedDocument document, byte[] bytes, int chunkHighWater, ChunkingRules chunking) {}

  /**
   * Prepares the index; a new (empty) one means every document is queued again.
   *
   * @return how many documents were queued again
   */
  public int prepareIndex() {
    return index.prepare() ? queue.requeueAll(Instant.now()) : 0;
  }

  public int requeueOrphans() {
    return queue.requeueOrphans(Instant.now());
  }

  public Optional<Claim> claim() {
    Instant now = Instant.now();
    return queue.claimNext(now, now.plus(LEASE));
  }

  /** The document and its file, or nothing (deleted meanwhile: the job goes). */
  public Optional<Work> begin(Claim claim) {
    Optional<KnowledgeDocument> found = documents.find(claim.documentId());
    if (found.isEmpty()) {
      queue.finish(claim);
      return Optional.empty();
    }
    KnowledgeDocument d = found.get();
    return Optional.of(
        new Work(
            facts(d),
            documents.content(d.getId()),
            d.getChunkHighWater(),
            settings.current().chunking()));
  }

  private static IndexedDocument facts(KnowledgeDocument d) {
    return new IndexedDocument(
        d.getId(),
        d.getTitle(),
        d.getSourceName(),
        d.getMediaType(),
        d.getCollection(),
        d.getLabels(),
        d.getVisibleTo(),
        d.getUpdatedAt());
  }

  /** Keeps the claim for {@code atLeast} from now (a long parse ahead). */
  public void hold(Claim claim, Duration atLeast) {
    queue.extend(claim.jobId(), Instant.now().plus(atLeast));
  }

  /**
   * Parsed: {@code chunks} to index. The document's own title (PDF/DOCX/HTML metadata, Markdown
   * heading) replaces the file name when the uploader gave none.
   *
   * @return the document as it will be indexed, or nothing when it was deleted meanwhile
   */
  public Optional<IndexedDocument> started(
      Claim claim, int chunks, Integer pages, String ownTitle) {
    queue.extend(claim.jobId(), Instant.now().plus(LEASE));
    return documents
        .find(claim.documentId())
        .map(
            d -> {
              Instant now = Instant.now();
              d.startProcessing(chunks, pages, now);
              if (ownTitle != null && d.getTitle().equals(d.getSourceName())) {
                d.describe(ownTitle, d.getCollection(), d.getLabels(), d.getVisibleTo(), now);
              }
              return facts(d);
            });
  }

  /**
   * @return false when the document was deleted meanwhile (the worker then cleans up)
   */
  public boolean progress(Claim claim, int done) {
    Optional<KnowledgeDocument> d = documents.find(claim.documentId());
    d.ifPresent(doc -> doc.progress(done, Instant.now()));
    queue.extend(claim.jobId(), Instant.now().plus(LEASE));
    return d.isPresent();
  }

  /**
   * @return false when the document was deleted meanwhile (the worker then cleans up)
   */
  public boolean indexed(Claim claim) {
    Optional<KnowledgeDocument> d = documents.find(claim.documentId());
    d.ifPresent(doc -> doc.indexed(Instant.now()));
    queue.finish(claim);
    return d.isPresent();
  }

  public boolean exists(Claim claim) {
    return documents.find(claim.documentId()).isPresent();
  }

  /** Failed for good; the reason is kept to be shown in either language. */
  public void failed(Claim claim, RuleMessage reason) {
    documents
        .find(claim.documentId())
        .ifPresent(d -> d.fail(reason.english(), reason.key(), reason.argsJson(), Instant.now()));
    queue.finish(claim);
  }

  /** Tried again {@code later}; the document says why it waits meanwhile. */
  public void retry(Claim claim, RuleMessage reason, Instant later) {
    documents
        .find(claim.documentId())
        .ifPresent(d -> d.queue(reason.english(), reason.key(), reason.argsJson(), Instant.now()));
    queue.retryAt(claim.jobId(), later);
  }
}
