package org.wenjin.audit.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.wenjin.audit.domain.AuditEvents;
import org.wenjin.audit.domain.ChainReport;
import org.wenjin.audit.domain.ChainVerifier;
import org.wenjin.audit.domain.EventDigest;
import org.wenjin.persistence.audit.AuditChain;
import org.wenjin.persistence.audit.AuditContent;
import org.wenjin.persistence.audit.AuditEvent;
import org.wenjin.tenancy.application.ActingCaller;
import org.wenjin.tenancy.application.CallerScope;

/**
 * A retention purge that runs while an auditor verifies: the verification read the head before the
 * purge and the events after it, so the chain's first events look missing. It must verify again
 * rather than report tampering that never happened.
 */
class VerifyDuringPurgeTest {

  private static final long TENANT = 7;

  @Test
  void aPurgeBetweenReadingTheHeadAndTheEventsIsNotReportedAsTampering() throws Exception {
    AuditChain before = new AuditChain(TENANT);
    AuditChain after = new AuditChain(TENANT);
    List<AuditEvent> chain = new ArrayList<>();
    append(before, after, chain, 5, "exchange", "{}");
    after.purgedThrough(3, chain.get(2).getHash());
    chain.subList(0, 3).clear();
    append(
        null,
        after,
        chain,
        1,
        ChainVerifier.PURGE,
        "{\"auditEventsDeleted\":3,\"auditThroughSeq\":3}");
    // the first read of the head comes before the purge, every later one after it
    Deque<AuditChain> heads = new ArrayDeque<>(List.of(before, after, after, after));

    DefaultAuditTrail trail = new DefaultAuditTrail();
    set(trail, "events", events(heads, chain));
    ChainReport report =
        CallerScope.call(
            new ActingCaller(TENANT, "Acme", 1, "aud", Set.of("auditor"), List.of()),
            trail::verify);

    assertThat(report).isEqualTo(ChainReport.intact(3));
  }

  private static AuditEvents events(Deque<AuditChain> heads, List<AuditEvent> chain) {
    return (AuditEvents)
        Proxy.newProxyInstance(
            AuditEvents.class.getClassLoader(),
            new Class<?>[] {AuditEvents.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "head" -> Optional.of(heads.size() > 1 ? heads.pop() : heads.peek());
                  case "forEachInChain" -> {
                    @SuppressWarnings("unchecked")
                    Predicate<AuditEvent> sink = (Predicate<AuditEvent>) args[1];
                    for (AuditEvent e : chain) {
                      if (!sink.test(e)) {
                        break;
                      }
                    }
                    yield null;
                  }
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }

  /** Appends to the chain, advancing both heads (the one before the purge when given). */
  private static void append(
      AuditChain before,
      AuditChain after,
      List<AuditEvent> chain,
      int n,
      String type,
      String detail) {
    for (int i = 0; i < n; i++) {
      long seq = after.getLastSeq() + 1;
      Instant at = Instant.parse("2026-12-01T08:00:00Z").plusSeconds(seq);
      AuditContent c = AuditContent.action(type, "carol", 3L, detail);
      String hash = EventDigest.of(TENANT, seq, at, c, after.getLastHash());
      chain.add(new AuditEvent(TENANT, seq, at, c, after.getLastHash(), hash));
      after.advance(seq, hash);
      if (before != null) {
        before.advance(seq, hash);
      }
    }
  }

  private static void set(Object target, String field, Object value) throws Exception {
    Field f = target.getClass().getDeclaredField(field);
    f.setAccessible(true);
    f.set(target, value);
  }
}
