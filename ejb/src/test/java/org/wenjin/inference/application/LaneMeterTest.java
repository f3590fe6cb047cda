package org.wenjin.inference.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LaneMeterTest {

  private static final long SECOND = 1_000_000_000L;

  @Test
  void tokensPerSecondCountTheLastFullSecondsOnly() {
    LaneMeter meter = new LaneMeter();
    long start = 1000 * SECOND;
    for (int s = 0; s < 9; s++) {
      for (int i = 0; i < 18; i++) {
        meter.piece(start + s * SECOND + i);
      }
    }
    meter.piece(start + 9 * SECOND); // the second still running is left out

    assertThat(meter.piecesPerSecond(start + 9 * SECOND)).isCloseTo(18, within(0.01));
    assertThat(meter.totalPieces()).isEqualTo(9 * 18 + 1);
    assertThat(meter.piecesPerSecond(start + 60 * SECOND)).as("idle a minute later").isZero();
  }

  @Test
  void waitQuantilesAreThoseOfTheLatestQuestionsThatQueued() {
    LaneMeter meter = new LaneMeter();
    assertThat(meter.waitMillis(0.95)).isZero();
    for (int i = 1; i <= 100; i++) {
      meter.waited(i * 1_000_000L);
    }
    assertThat(meter.waitMillis(0.5)).isEqualTo(50);
    assertThat(meter.waitMillis(0.95)).isEqualTo(95);
    for (int i = 0; i < LaneMeter.WAITS; i++) {
      meter.waited(7_000_000L);
    }
    assertThat(meter.waitMillis(0.95)).as("older waits are forgotten").isEqualTo(7);
  }
}
