package org.wenjin.governance.domain;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Questions per calendar minute per key (a user, a company), counted in this node's memory: one
 * entry per key that asked, replaced when its minute is over, and swept when the map grows past
 * {@code SWEEP_AT} so idle keys do not accumulate.
 */
public final class MinuteWindows {

  private static final int SWEEP_AT = 10_000;

  private record Window(long minute, int count) {}

  private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

  /**
   * Counts one question for {@code key} if it stays within {@code limit} this minute.
   *
   * @return 0 when admitted, else the seconds until the next minute
   */
  public long tryAcquire(String key, int limit, long nowMillis) {
    long minute = nowMillis / 60_000;
    boolean[] admitted = {false};
    windows.compute(
        key,
        (k, w) -> {
          Window current = w == null || w.minute() != minute ? new Window(minute, 0) : w;
          if (current.count() < limit) {
            admitted[0] = true;
            return new Window(minute, current.count() + 1);
          }
          return current;
        });
    if (windows.size() > SWEEP_AT) {
      windows.values().removeIf(w -> w.minute() < minute);
    }
    return admitted[0] ? 0 : Math.max(1, (minute + 1) * 60 - nowMillis / 1000);
  }

  /** Gives back a question counted by {@link #tryAcquire} that another quota refused. */
  public void release(String key, long nowMillis) {
    long minute = nowMillis / 60_000;
    windows.computeIfPresent(
        key,
        (k, w) -> w.minute() == minute && w.count() > 0 ? new Window(minute, w.count() - 1) : w);
  }

  int size() {
    return windows.size();
  }
}
