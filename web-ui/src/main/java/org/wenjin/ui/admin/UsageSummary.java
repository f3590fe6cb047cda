package org.wenjin.ui.admin;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import org.wenjin.audit.interfaces.UsageDto;

/** Four cards for what an admin looks at first: questions, people, ratings, gaps. */
class UsageSummary extends Div {

  private final Card questions = new Card("usage-questions", "Questions");
  private final Card activeUsers = new Card("usage-active-users", "Active users");
  private final Card rating = new Card("usage-rating", "Average rating");
  private final Card unanswered = new Card("usage-unanswered-count", "Unanswered");

  UsageSummary() {
    addClassName("wenjin-usage-cards");
    add(questions, activeUsers, rating, unanswered);
  }

  void show(UsageDto usage) {
    questions.show(
        UsageFormat.count(usage.questions()), "in the last " + usage.days().size() + " days");
    activeUsers.show(UsageFormat.count(usage.activeUsers()), "asked at least one question");
    rating.show(
        UsageFormat.rating(usage.averageRating()),
        usage.ratings() == 0
            ? "no ratings yet (thumbs up counts +1, down −1)"
            : "from "
                + UsageFormat.plural(usage.ratings(), "rating", "ratings")
                + " (thumbs up +1, down −1)");
    unanswered.show(UsageFormat.count(usage.unansweredCount()), "got no passage of your documents");
  }

  /** One figure with what it counts. */
  private static final class Card extends Div {
    private final Span value = new Span();
    private final Span hint = new Span();

    Card(String id, String label) {
      setId(id);
      addClassName("wenjin-usage-card");
      Span caption = new Span(label);
      caption.addClassName("wenjin-usage-label");
      value.addClassName("wenjin-usage-value");
      hint.addClassName("wenjin-usage-hint");
      add(caption, value, hint);
    }

    void show(String figure, String what) {
      value.setText(figure);
      hint.setText(what);
    }
  }
}
