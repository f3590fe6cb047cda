package org.wenjin.ui.chat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.wenjin.chat.interfaces.AnswerListener;
import org.wenjin.chat.interfaces.TurnDto;
import org.wenjin.ui.common.Notices;
import org.wenjin.ui.i18n.Tr;

/**
 * The open conversation's questions and answers, one {@link TurnCard} each, or a hint when empty;
 * knows which answer is being written.
 */
class TurnList extends VerticalLayout {

  private final TurnActions actions;
  private String userName = getTranslation("chat.you");
  private Long streamingTurn;

  TurnList(TurnActions actions) {
    this.actions = actions;
    setId("turns");
    setPadding(false);
  }

  void show(List<TurnDto> turns, String user) {
    userName = user;
    removeAll();
    turns.forEach(t -> add(new TurnCard(t, userName, actions)));
    if (turns.isEmpty()) {
      Span empty = new Span(getTranslation("chat.turns.empty"));
      empty.setId("chat-empty");
      empty.addClassName("wenjin-muted");
      add(empty);
    }
    streamingTurn =
        turns.stream().filter(TurnDto::isStreaming).findFirst().map(TurnDto::id).orElse(null);
  }

  /**
   * Starts an answer with the view's {@code call} (ask, regenerate, edit) and shows it streaming;
   * the listener finds its card once the call returned (its events queue behind this request). The
   * answer is then the conversation's last: the cards after it (an edited question's) go. Null when
   * refused.
   */
  TurnDto start(Function<AnswerListener, TurnDto> call) {
    TurnCard[] card = new TurnCard[1];
    TurnDto[] started = new TurnDto[1];
    AnswerListener listener = new StreamingAnswer(UI.getCurrent(), () -> card[0], this::finished);
    if (!Notices.attempt(() -> started[0] = call.apply(listener), null)) {
      return null;
    }
    streamingTurn = started[0].id();
    card[0] = put(started[0]);
    removeAfter(started[0].id());
    actions.streamingChanged();
    return started[0];
  }

  private void finished(TurnDto turn) {
    if (streamingTurn != null && streamingTurn == turn.id()) {
      streamingTurn = null;
    }
    if ("FAILED".equals(turn.status())) {
      Notices.show(turn.errorIn(Tr.locale()), NotificationVariant.LUMO_ERROR);
    }
    // No facade calls here: this may run on a pool thread, whose security context belongs to
    // whoever's request dispatched the answer, not necessarily this user.
    actions.streamingChanged();
  }

  /** The answer being written, if any. */
  Optional<Long> streaming() {
    return Optional.ofNullable(streamingTurn);
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

  /** Shows a turn as saved (a rating), if its card is here. */
  void update(TurnDto turn) {
    card(turn.id()).ifPresent(card -> card.update(turn));
  }

  private Optional<TurnCard> card(long turnId) {
    return cards().filter(c -> c.turnId() == turnId).findFirst();
  }

  private void removeAfter(long turnId) {
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

  private Stream<TurnCard> cards() {
    return getChildren().filter(TurnCard.class::isInstance).map(TurnCard.class::cast);
  }
}
