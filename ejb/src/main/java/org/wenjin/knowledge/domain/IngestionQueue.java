package org.wenjin.knowledge.domain;

import java.time.Instant;
import java.util.Optional;

/** The durable queue of documents to index, across tenants (platform-owned). */
public interface IngestionQueue {

  /**
   * A job this worker now holds until its lease runs out.
   *
   * @param runAfter when the job was due; a re-queue while it runs changes it (see {@link #finish})
   */
  record Claim(long jobId, long tenantId, long documentId, int attempt, Instant runAfter) {}

  /**
   * Queues again every document that waits or was being indexed but has no job (a crash between two
   * steps); returns how many.
   */
  int requeueOrphans(Instant now);

  /**
   * Queues every document of every tenant again (not those that failed to parse), for a new, empty
   * index; returns how many.
   */
  int requeueAll(Instant now);

  /** Takes the oldest due job whose lease is free, or nothing. Safe with several workers. */
  Optional<Claim> claimNext(Instant now, Instant leaseUntil);

  /** Keeps the lease of a job still being worked on. */
  void extend(long jobId, Instant leaseUntil);

  /** Gives the job back to run again after {@code later}. */
  void retryAt(long jobId, Instant later);

  /**
   * The work is done (or can never be done): the job goes, unless it was queued again while the
   * worker ran; then it is released to run once more.
   */
  void finish(Claim claim);
}
