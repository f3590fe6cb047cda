package org.wenjin.audit.domain;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.wenjin.persistence.audit.AuditChain;
import org.wenjin.persistence.audit.AuditEvent;

/**
 * Walks one company's events in sequence order and names the first that does not match: a gap in
 * the sequence (an event removed), a previous-hash that is not its predecessor's hash (removed or
 * reordered), or a hash that the content no longer gives (edited). At the end the chain must reach
 * the recorded head, else events were removed from its end. The head is read first: events appended
 * while the verification runs are left to the next one.
 */
public final class ChainVerifier {

  /** What a retention purge records: the last sequence number it removed. */
  public static final String PURGE = "retention.purged";

  private static final Pattern PURGED_THROUGH = Pattern.compile("\"auditThroughSeq\":(\\d+)");

  private final AuditChain head;
  private long expectedSeq;
  private String expectedPrev;
  private long events;
  private long recordedPurge;
  private ChainReport broken;

  public ChainVerifier(AuditChain head) {
    this.head = head;
    this.expectedSeq = head == null ? 1 : head.getPurgedSeq() + 1;
    this.expectedPrev = head == null ? AuditChain.GENESIS : head.getPurgedHash();
  }

  /** Takes the next event; returns false once the chain is broken (no need to read further). */
  public boolean accept(AuditEvent event) {
    if (broken != null) {
      return false;
    }
    events++;
    if (event.getSeq() != expectedSeq) {
      return breakAt(event, "event #" + expectedSeq + " is missing before it");
    }
    if (!event.getPrevHash().equals(expectedPrev)) {
      return breakAt(event, "it does not follow the event before it");
    }
    if (!EventDigest.recompute(event).equals(event.getHash())) {
      return breakAt(event, "its content was changed after it was recorded");
    }
    if (head != null
        && event.getSeq() == head.getLastSeq()
        && !event.getHash().equals(head.getLastHash())) {
      return breakAt(event, "it is not the event the chain's head recorded");
    }
    if (PURGE.equals(event.getType()) && event.getDetail() != null) {
      Matcher through = PURGED_THROUGH.matcher(event.getDetail());
      if (through.find()) {
        recordedPurge = Math.max(recordedPurge, Long.parseLong(through.group(1)));
      }
    }
    expectedSeq++;
    expectedPrev = event.getHash();
    return true;
  }

  public ChainReport report() {
    if (broken != null) {
      return broken;
    }
    long purgedSeq = head == null ? 0 : head.getPurgedSeq();
    if (purgedSeq != recordedPurge) {
      return ChainReport.broken(
          events,
          null,
          purgedSeq + 1,
          "the chain starts after #"
              + purgedSeq
              + " but the purges recorded in it removed events through #"
              + recordedPurge);
    }
    if (head == null && events > 0) {
      return ChainReport.broken(events, null, 1L, "the company's chain head is missing");
    }
    long lastSeq = recordedSeq();
    if (expectedSeq - 1 < lastSeq) {
      return ChainReport.broken(
          events,
          null,
          expectedSeq,
          "the chain ends at #" + (expectedSeq - 1) + " but " + lastSeq + " events were recorded");
    }
    return ChainReport.intact(events);
  }

  private long recordedSeq() {
    return head == null ? 0 : head.getLastSeq();
  }

  private boolean breakAt(AuditEvent event, String reason) {
    broken = ChainReport.broken(events, event.getId(), event.getSeq(), reason);
    return false;
  }
}
