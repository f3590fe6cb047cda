package org.wenjin.audit.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wenjin.persistence.audit.AuditChain;
import org.wenjin.persistence.audit.AuditContent;
import org.wenjin.persistence.audit.AuditEvent;

class ChainVerifierTest {

  private static final long ACME = 7;

  private final AuditChain head = new AuditChain(ACME);
  private final List<AuditEvent> chain = new ArrayList<>();

  @Test
  void anUntouchedChainIsIntact() {
    appendExchanges(5);

    assertThat(verify(chain)).isEqualTo(ChainReport.intact(5));
  }

  @Test
  void aCompanyWithoutEventsIsIntact() {
    assertThat(verify(chain)).isEqualTo(ChainReport.intact(0));
  }

  @Test
  void anEditedAnswerBreaksTheChainAtThatEvent() throws Exception {
    appendExchanges(5);
    set(chain.get(2), "answer", "请假需要总经理批准。 (edited)");

    ChainReport report = verify(chain);

    assertThat(report.intact()).isFalse();
    assertThat(report.firstBrokenEvent()).isEqualTo(103L);
    assertThat(report.reason()).contains("content was changed");
  }

  @Test
  void anEditedTimeIsCaught() throws Exception {
    appendExchanges(3);
    set(chain.get(1), "occurredAt", chain.get(1).getOccurredAt().plusSeconds(1));

    assertThat(verify(chain).firstBrokenEvent()).isEqualTo(102L);
  }

  @Test
  void anEditedActorIsCaught() throws Exception {
    appendExchanges(3);
    set(chain.get(0), "actor", "mallory");

    assertThat(verify(chain).firstBrokenEvent()).isEqualTo(101L);
  }

  @Test
  void aRemovedEventBreaksTheChainAtTheOneAfterIt() {
    appendExchanges(5);
    chain.remove(1);

    ChainReport report = verify(chain);

    assertThat(report.firstBrokenEvent()).isEqualTo(103L);
    assertThat(report.reason()).contains("#2 is missing");
  }

  @Test
  void aRemovedAndRenumberedEventStillBreaksTheChain() throws Exception {
    appendExchanges(4);
    chain.remove(1);
    for (int i = 1; i < chain.size(); i++) {
      set(chain.get(i), "seq", (long) i + 1);
    }
    set(head, "lastSeq", 3L);

    assertThat(verify(chain).reason()).contains("does not follow");
  }

  @Test
  void eventsRemovedFromTheEndAreCaughtByTheHead() {
    appendExchanges(5);
    chain.remove(4);

    ChainReport report = verify(chain);

    assertThat(report.intact()).isFalse();
    assertThat(report.reason()).contains("ends at #4 but 5 events were recorded");
  }

  @Test
  void eventsAppendedAfterTheHeadWasReadAreVerifiedToo() throws Exception {
    appendExchanges(3);
    AuditChain readEarlier = new AuditChain(ACME);
    readEarlier.advance(1, chain.get(0).getHash());
    readEarlier.advance(2, chain.get(1).getHash());

    assertThat(new VerifierRun(readEarlier).over(chain)).isEqualTo(ChainReport.intact(3));
    set(chain.get(2), "answer", "changed");
    assertThat(new VerifierRun(readEarlier).over(chain).firstBrokenEvent()).isEqualTo(103L);
  }

  @Test
  void eventsWithoutAChainHeadAreNotIntact() {
    appendExchanges(2);

    assertThat(new VerifierRun(null).over(chain).reason()).contains("head is missing");
  }

  @Test
  void aHeadThatNamesAnotherEventIsCaught() throws Exception {
    appendExchanges(3);
    set(head, "lastHash", "f".repeat(64));

    assertThat(verify(chain).reason()).contains("not the event the chain's head recorded");
  }

  @Test
  void theHashCoversTheCompany() {
    AuditContent c = content("alice", "q", "a");
    Instant at = Instant.parse("2026-12-01T08:00:00Z");
    assertThat(EventDigest.of(1, 1, at, c, AuditChain.GENESIS))
        .isNotEqualTo(EventDigest.of(2, 1, at, c, AuditChain.GENESIS))
        .hasSize(64);
  }

  @Test
  void fieldsCannotBeShiftedIntoEachOther() {
    Instant at = Instant.parse("2026-12-01T08:00:00Z");
    assertThat(EventDigest.of(1, 1, at, content("alice", "ab", "c"), AuditChain.GENESIS))
        .isNotEqualTo(EventDigest.of(1, 1, at, content("alice", "a", "bc"), AuditChain.GENESIS));
  }

  private void appendExchanges(int n) {
    for (int i = 0; i < n; i++) {
      append(head, chain, content("alice", "年假怎么申请？ #" + i, "请假需要经理批准。[1]"));
    }
  }

  private static void append(AuditChain head, List<AuditEvent> chain, AuditContent content) {
    long seq = head.getLastSeq() + 1;
    Instant at = Instant.parse("2026-12-01T08:00:00.123456789Z").plusSeconds(seq);
    String hash = EventDigest.of(ACME, seq, at, content, head.getLastHash());
    AuditEvent event = new AuditEvent(ACME, seq, at, content, head.getLastHash(), hash);
    setQuietly(event, "id", 100 + seq);
    chain.add(event);
    head.advance(seq, hash);
  }

  private ChainReport verify(List<AuditEvent> events) {
    return new VerifierRun(head).over(events);
  }

  private record VerifierRun(AuditChain head) {
    ChainReport over(List<AuditEvent> events) {
      ChainVerifier verifier = new ChainVerifier(head);
      for (AuditEvent e : events) {
        if (!verifier.accept(e)) {
          break;
        }
      }
      return verifier.report();
    }
  }

  private static AuditContent content(String actor, String question, String answer) {
    return new AuditContent(
        "exchange", actor, 3L, 11L, 12L, "extractive", "COMPLETE", null, question, answer, "{}");
  }

  private static void set(Object target, String field, Object value) throws Exception {
    Field f = target.getClass().getDeclaredField(field);
    f.setAccessible(true);
    f.set(target, value);
  }

  private static void setQuietly(Object target, String field, Object value) {
    try {
      set(target, field, value);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
