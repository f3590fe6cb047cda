package org.wenjin.audit.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wenjin.persistence.audit.AuditChain;
import org.wenjin.persistence.audit.AuditContent;
import org.wenjin.persistence.audit.AuditEvent;

/** A chain whose oldest events a retention purge removed. */
class PurgedChainTest {

  private final AuditChain head = new AuditChain(7);
  private final List<AuditEvent> chain = new ArrayList<>();

  @Test
  void aRecordedPurgeLeavesAChainThatVerifiesFromWhereItStarts() {
    append(5, "exchange", "{}");
    head.purgedThrough(3, chain.get(2).getHash());
    chain.subList(0, 3).clear();
    append(1, ChainVerifier.PURGE, "{\"auditEventsDeleted\":3,\"auditThroughSeq\":3}");

    assertThat(verify()).isEqualTo(ChainReport.intact(3));
  }

  @Test
  void aStartMovedWithoutARecordedPurgeIsBroken() {
    append(5, "exchange", "{}");
    head.purgedThrough(2, chain.get(1).getHash());
    chain.subList(0, 2).clear();

    ChainReport report = verify();
    assertThat(report.intact()).isFalse();
    assertThat(report.reason()).contains("purges recorded in it removed events through #0");
  }

  private ChainReport verify() {
    ChainVerifier verifier = new ChainVerifier(head);
    chain.forEach(verifier::accept);
    return verifier.report();
  }

  private void append(int n, String type, String detail) {
    for (int i = 0; i < n; i++) {
      long seq = head.getLastSeq() + 1;
      Instant at = Instant.parse("2026-12-01T08:00:00Z").plusSeconds(seq);
      AuditContent c = AuditContent.action(type, "carol", 3L, detail);
      String hash = EventDigest.of(7, seq, at, c, head.getLastHash());
      chain.add(new AuditEvent(7, seq, at, c, head.getLastHash(), hash));
      head.advance(seq, hash);
    }
  }
}
