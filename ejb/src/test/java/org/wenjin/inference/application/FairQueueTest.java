package org.wenjin.inference.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The start order of waiting questions: fair, and the places told only move forward. */
class FairQueueTest {

  @Test
  void aPlaceToldIsNeverShortOfTheRealWaitAndNeverGrows() {
    for (long seed = 0; seed < 200; seed++) {
      Random random = new Random(seed);
      FairQueue<String> queue = new FairQueue<>();
      Map<String, Integer> told = new HashMap<>();
      Map<String, Integer> polledWhenTold = new HashMap<>();
      List<String> waiting = new ArrayList<>();
      int polled = 0;
      for (int step = 0; step < 300; step++) {
        int action = random.nextInt(10);
        if (action < 5) {
          long tenant = random.nextInt(4);
          String job = "q" + step;
          queue.add(job, tenant, tenant * 10 + random.nextInt(3));
          waiting.add(job);
        } else if (action < 9) {
          String next = queue.poll();
          if (next != null) {
            polled++;
            waiting.remove(next);
            assertThat(polled - polledWhenTold.get(next))
                .as("seed %d: %s was told %d", seed, next, told.get(next))
                .isLessThanOrEqualTo(told.get(next));
          }
        } else if (!waiting.isEmpty()) {
          String gone = waiting.remove(random.nextInt(waiting.size()));
          assertThat(queue.remove(gone)).isTrue();
        }
        for (Map.Entry<String, Integer> place : queue.places().entrySet()) {
          Integer before = told.get(place.getKey());
          assertThat(before == null || place.getValue() <= before)
              .as(
                  "seed %d: %s moved back from %s to %d",
                  seed, place.getKey(), before, place.getValue())
              .isTrue();
          if (before == null || place.getValue() < before) {
            told.put(place.getKey(), place.getValue());
            polledWhenTold.put(place.getKey(), polled);
          }
        }
      }
    }
  }
}
