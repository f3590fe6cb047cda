package org.wenjin.ui.chat;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.List;
import java.util.Optional;
import org.wenjin.chat.interfaces.TurnDto;

/**
 * The open conversation's questions and answers, one {@link TurnCard} each, or a hint when empty.
 */
class TurnList extends VerticalLayout {

  private final TurnCard.TurnActions actions;
  private String userName = "You";

  TurnList(TurnCard.TurnActions actions) {
    this.actions = actions;
    setId("turns");
    setPadding(false);
  }

  void show(List<TurnDto> turns, String user) {
    userName = user;
    removeAll();
    turns.forEach(t -> add(new TurnCard(t, userName, actions)));
    if (turns.isEmpty()) {
      Span empty =
          new Span(
              "Ask anything about your company's documents. 可以用中文提问。"
                  + " Enter sends, Shift+Enter starts a new line.");
      empty.setId("chat-empty");
      empty.addClassName("wenjin-muted");
      add(empty);
    }
  }

  /** Shows {@code turn}: updates its card, or appends a new one (replacing the empty hint). */
  TurnCard put(TurnDto turn) {
    getChildren().filter(c -> !(c instanceof TurnCard)).toList().forEach(this::remove);
    TurnCard card =
        card(turn.id())
            .orElseGet(
                () -> {
                  TurnCard added = new TurnCard(turn, userName, actions);
                  add(added);
                  return added;
                });
    card.update(turn);
    card.scrollIntoView();
    return card;
  }

  Optional<TurnCard> card(long turnId) {
    return cards().filter(c -> c.turnId() == turnId).findFirst();
  }

  /** Removes the cards after {@code turnId} (an edited question replaces what followed it). */
  void removeAfter(long turnId) {
    boolean after = false;
    for (TurnCard card : cards().toList()) {
      if (after) {
        remove(card);
      }
      after |= card.turnId() == turnId;
    }
  }

  boolean hasTurns() {
    return cards().findAny().isPresent();
  }

  private java.util.stream.Stream<TurnCard> cards() {
    return getChildren().filter(TurnCard.class::isInstance).map(TurnCard.class::cast);
  }
}
