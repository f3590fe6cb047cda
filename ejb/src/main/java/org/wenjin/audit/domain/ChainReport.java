package org.wenjin.audit.domain;

/**
 * What verifying a company's chain found: intact over {@code events}, or broken at the first event
 * that does not match ({@code firstBrokenEvent}, its {@code seq}, and why).
 */
public record ChainReport(
    boolean intact, long events, Long firstBrokenEvent, Long firstBrokenSeq, String reason) {

  public static ChainReport intact(long events) {
    return new ChainReport(true, events, null, null, null);
  }

  public static ChainReport broken(long events, Long eventId, Long seq, String reason) {
    return new ChainReport(false, events, eventId, seq, reason);
  }
}
