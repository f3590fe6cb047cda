package org.wenjin.audit.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.wenjin.persistence.audit.AuditChain;
import org.wenjin.persistence.audit.AuditContent;
import org.wenjin.persistence.audit.AuditEvent;

/** A company's audit events: appended under the chain's lock, read by filter or in chain order. */
public interface AuditEvents {

  /** A document an exchange's passages came from, and whether the answer cites it. */
  record ShownDocument(long documentId, boolean cited) {}

  /**
   * Appends {@code content} as the next event of {@code tenantId}'s chain, in the caller's
   * transaction (the chain's head stays locked until it commits).
   */
  AuditEvent append(long tenantId, AuditContent content, List<ShownDocument> documents);

  List<AuditEvent> find(long tenantId, AuditQuery query, int offset, int limit);

  long count(long tenantId, AuditQuery query);

  Optional<AuditEvent> find(long tenantId, long eventId);

  /**
   * Hands every event matching {@code query} to {@code sink}, newest first, a batch at a time
   * (memory stays flat however many there are), until {@code sink} returns false.
   */
  void forEach(long tenantId, AuditQuery query, Predicate<AuditEvent> sink);

  /** Hands {@code tenantId}'s events to {@code sink} in sequence order until it returns false. */
  void forEachInChain(long tenantId, Predicate<AuditEvent> sink);

  Optional<AuditChain> head(long tenantId);

  /** What a purge removed: events through {@code throughSeq}, {@code events} of them. */
  record Purge(long throughSeq, int events) {}

  /**
   * Removes {@code tenantId}'s events older than {@code cutoff} — the oldest part of its chain —
   * and moves the chain's start after them, under the chain's lock once the rows are gone.
   *
   * @return empty when no event is that old
   */
  Optional<Purge> purgeBefore(long tenantId, Instant cutoff);
}
