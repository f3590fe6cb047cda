package org.wenjin.audit.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wenjin.audit.domain.UsageFigures.ModelRatings;

class ModelUsageTest {

  @Test
  void questionsAndRatingsMeetPerModelTheBusiestFirst() {
    List<ModelUsage> models =
        ModelUsage.of(
            Map.of("qwen", 5L, "extractive", 9L),
            List.of(new ModelRatings("qwen", 4, 2), new ModelRatings("retired", 1, -1)));

    assertThat(models)
        .containsExactly(
            new ModelUsage("extractive", 9, 0, 0),
            new ModelUsage("qwen", 5, 4, 2),
            new ModelUsage("retired", 0, 1, -1));
    assertThat(models.get(1).averageRating()).isEqualTo(0.5);
    assertThat(models.get(0).averageRating()).as("no ratings, no average").isNull();
  }

  @Test
  void answersThatNameNoModelAreOneRowSortedLast() {
    Map<String, Long> questions = new HashMap<>();
    questions.put(null, 3L);
    questions.put("qwen", 3L);

    assertThat(ModelUsage.of(questions, List.of()))
        .extracting(ModelUsage::model)
        .containsExactly("qwen", null);
  }
}
