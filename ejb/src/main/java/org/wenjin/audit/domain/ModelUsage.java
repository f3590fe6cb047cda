package org.wenjin.audit.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One model's share of a period: questions it answered, ratings its answers got and their sum (+1
 * up, −1 down). A model may have ratings without questions in the period (an older answer rated
 * now), and questions without ratings.
 */
public record ModelUsage(String model, long questions, long ratings, long ratingSum) {

  /** From −1 (every rating down) to +1 (every rating up); null without ratings. */
  public Double averageRating() {
    return average(ratings, ratingSum);
  }

  public static Double average(long ratings, long sum) {
    return ratings == 0 ? null : (double) sum / ratings;
  }

  /** Every model that answered or was rated, the busiest first (then by name). */
  public static List<ModelUsage> of(
      Map<String, Long> questions, List<UsageFigures.ModelRatings> ratings) {
    Map<String, UsageFigures.ModelRatings> rated = new HashMap<>();
    ratings.forEach(r -> rated.put(r.model(), r));
    Set<String> models = new HashSet<>(questions.keySet());
    models.addAll(rated.keySet());
    List<ModelUsage> usage = new ArrayList<>();
    for (String model : models) {
      UsageFigures.ModelRatings r = rated.get(model);
      usage.add(
          new ModelUsage(
              model,
              questions.getOrDefault(model, 0L),
              r == null ? 0 : r.ratings(),
              r == null ? 0 : r.sum()));
    }
    usage.sort(
        Comparator.comparingLong(ModelUsage::questions)
            .reversed()
            .thenComparing(ModelUsage::model, Comparator.nullsLast(Comparator.naturalOrder())));
    return usage;
  }
}
