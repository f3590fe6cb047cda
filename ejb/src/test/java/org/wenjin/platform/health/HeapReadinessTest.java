package org.wenjin.platform.health;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeapReadinessTest {

  @Test
  void aHeapStillNearlyFullAfterCollectionIsNotReady() {
    assertThat(HeapReadiness.healthy(900L << 20, 1000L << 20)).isTrue();
    assertThat(HeapReadiness.healthy(950L << 20, 1000L << 20)).isFalse();
  }

  @Test
  void theCollectorsShareOfTimeIsBoundedAndSafeOnAZeroInterval() {
    assertThat(HeapReadiness.share(600, 1000)).isEqualTo(0.6);
    assertThat(HeapReadiness.share(3000, 1000)).isEqualTo(1.0);
    assertThat(HeapReadiness.share(10, 0)).isZero();
  }
}
