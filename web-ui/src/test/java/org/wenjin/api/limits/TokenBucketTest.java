package org.wenjin.api.limits;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenBucketTest {

  private static final RateBudget SIXTY_A_MINUTE_FIVE_AT_ONCE = new RateBudget(60, 5);

  @Test
  void aBurstPassesThenTheNextWaitsForOneToken() {
    TokenBucket bucket = new TokenBucket(SIXTY_A_MINUTE_FIVE_AT_ONCE, 0);

    for (int i = 0; i < 5; i++) {
      assertThat(bucket.tryTake(0)).as("request " + i).isZero();
    }
    assertThat(bucket.tryTake(0)).as("one a second: a whole second to wait").isEqualTo(1000);
    assertThat(bucket.tryTake(400)).isEqualTo(600);
    assertThat(bucket.tryTake(1000)).isZero();
    assertThat(bucket.tryTake(1000)).isEqualTo(1000);
  }

  @Test
  void tokensComeBackAtTheRateButNeverBeyondTheBurst() {
    TokenBucket bucket = new TokenBucket(SIXTY_A_MINUTE_FIVE_AT_ONCE, 0);
    for (int i = 0; i < 5; i++) {
      bucket.tryTake(0);
    }

    assertThat(bucket.isFull(4_999)).isFalse();
    assertThat(bucket.isFull(5_000)).isTrue();
    long hourLater = 3_600_000;
    int passed = 0;
    while (bucket.tryTake(hourLater) == 0) {
      passed++;
    }
    assertThat(passed).as("an idle hour saves up no more than the burst").isEqualTo(5);
  }

  @Test
  void aClockThatStepsBackGivesNothingAndTakesNothing() {
    TokenBucket bucket = new TokenBucket(new RateBudget(60, 1), 10_000);
    assertThat(bucket.tryTake(10_000)).isZero();

    assertThat(bucket.tryTake(5_000)).as("earlier than the last refill").isEqualTo(1000);
    assertThat(bucket.tryTake(11_000)).isZero();
  }

  @Test
  void aFractionOfATokenWaitsOnlyForTheRest() {
    TokenBucket bucket = new TokenBucket(new RateBudget(6, 1), 0); // one per 10 s
    bucket.tryTake(0);

    assertThat(bucket.tryTake(7_500)).isEqualTo(2_500);
  }

  @Test
  void anUnlimitedBudgetAlwaysLetsThrough() {
    TokenBucket bucket = new TokenBucket(new RateBudget(0, 0), 0);

    for (int i = 0; i < 10_000; i++) {
      assertThat(bucket.tryTake(0)).isZero();
    }
    assertThat(bucket.isFull(0)).isTrue();
  }
}
