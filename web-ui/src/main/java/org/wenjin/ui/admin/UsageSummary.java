package org.wenjin.ui.admin;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import org.wenjin.audit.interfaces.UsageDto;

/** Four cards for what an admin looks at first: questions, people, ratings, gaps. */
class UsageSummary extends Div {

  private final Card questions =
      new Card("usage-questions", getTranslation("admin.usage.card.questions"));
  private final Card activeUsers =
      new Card("usage-active-users", getTranslation("admin.usage.card.active-users"));
  private final Card rating = new Card("usage-rating", getTranslation("admin.usage.card.rating"));
  private final Card unanswered =
      new Card("usage-unanswered-count", getTranslation("admin.usage.card.unanswered"));

  UsageSummary() {
    addClassName("wenjin-usage-cards");
    add(questions, activeUsers, rating, unanswered);
  }

  void show(UsageDto usage) {
    questions.show(
        UsageFormat.count(usage.questions()),
        getTranslation("admin.usage.card.questions.hint", usage.days().size()));
    activeUsers.show(
        UsageFormat.count(usage.activeUsers()),
        getTranslation("admin.usage.card.active-users.hint"));
    rating.show(
        UsageFormat.rating(usage.averageRating()),
        usage.ratings() == 0
            ? getTranslation("admin.usage.card.rating.none")
            : getTranslation("admin.usage.card.rating.hint", usage.ratings()));
    unanswered.show(
        UsageFormat.count(usage.unansweredCount()),
        getTranslation("admin.usage.card.unanswered.hint"));
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
