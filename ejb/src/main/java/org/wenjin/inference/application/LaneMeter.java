package org.wenjin.inference.application;

import java.util.Arrays;

/**
 * What one model's lane measures for its operators: text pieces streamed per second (one token
 * each, give or take: a backend may hold a piece back until it decodes), over the last {@value
 * #WINDOW_SECONDS} seconds, and how long the latest {@value #WAITS} questions that queued waited
 * for a slot. Thread-safe; cheap enough to call for every piece.
 */
final class LaneMeter {

  static final int WINDOW_SECONDS = 10;
  static final int WAITS = 512;

  /** Pieces per second, one bucket per second of the window (index = second % window). */
  private final long[] pieces = new long[WINDOW_SECONDS];

  private final long[] bucketSecond = new long[WINDOW_SECONDS];
  private final long[] waits = new long[WAITS];
  private int waitCount;
  private long totalPieces;

  synchronized void piece(long nowNanos) {
    long second = nowNanos / 1_000_000_000L;
    int i = (int) Math.floorMod(second, (long) WINDOW_SECONDS);
    if (bucketSecond[i] != second) {
      bucketSecond[i] = second;
      pieces[i] = 0;
    }
    pieces[i]++;
    totalPieces++;
  }

  synchronized void waited(long nanos) {
    waits[waitCount % WAITS] = nanos / 1_000_000L;
    waitCount++;
  }

  /** Pieces per second over the window's full seconds before {@code nowNanos}. */
  synchronized double piecesPerSecond(long nowNanos) {
    long now = nowNanos / 1_000_000_000L;
    long sum = 0;
    for (int i = 0; i < WINDOW_SECONDS; i++) {
      long age = now - bucketSecond[i];
      if (age >= 1 && age <= WINDOW_SECONDS - 1) {
        sum += pieces[i];
      }
    }
    return sum / (double) (WINDOW_SECONDS - 1);
  }

  synchronized long totalPieces() {
    return totalPieces;
  }

  /** The {@code quantile} (0..1) of the recent waits in milliseconds; 0 before any. */
  synchronized long waitMillis(double quantile) {
    int n = Math.min(waitCount, WAITS);
    if (n == 0) {
      return 0;
    }
    long[] sorted = Arrays.copyOf(waits, n);
    Arrays.sort(sorted);
    return sorted[Math.max(0, (int) Math.ceil(quantile * n) - 1)];
  }
}
