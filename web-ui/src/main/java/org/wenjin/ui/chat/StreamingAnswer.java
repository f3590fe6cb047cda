package org.wenjin.ui.chat;

import com.vaadin.flow.component.UI;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.wenjin.chat.interfaces.AnswerListener;
import org.wenjin.chat.interfaces.TurnDto;
import org.wenjin.platform.text.RuleMessage;

/**
 * Brings an answer from pool threads into the UI. Pieces that arrive while the UI is busy are
 * appended in one push, so a fast model does not cost one round trip per token. The card is looked
 * up when an event is applied: events queue behind the request that started the answer (it holds
 * the UI lock), so the card exists by then. Callbacks only touch components: they may run on a pool
 * thread that carries another request's security context, so they never call a facade.
 */
final class StreamingAnswer implements AnswerListener {

  private final UI ui;
  private final Supplier<TurnCard> card;
  private final Consumer<TurnDto> onFinished;
  private final StringBuilder pending = new StringBuilder();
  private boolean flushScheduled;

  StreamingAnswer(UI ui, Supplier<TurnCard> card, Consumer<TurnDto> onFinished) {
    this.ui = ui;
    this.card = card;
    this.onFinished = onFinished;
  }

  @Override
  public void queued(int position) {
    ui.access(() -> card.get().showWaiting(position));
  }

  @Override
  public void step(int number, int total, RuleMessage label) {
    ui.access(() -> card.get().showStep(number, total, label));
  }

  @Override
  public void started() {
    ui.access(() -> card.get().showAnswering());
  }

  @Override
  public void text(String piece) {
    synchronized (pending) {
      pending.append(piece);
      if (flushScheduled) {
        return;
      }
      flushScheduled = true;
    }
    ui.access(this::flush);
  }

  @Override
  public void finished(TurnDto turn) {
    ui.access(
        () -> {
          flush();
          card.get().update(turn);
          onFinished.accept(turn);
        });
  }

  private void flush() {
    String text;
    synchronized (pending) {
      text = pending.toString();
      pending.setLength(0);
      flushScheduled = false;
    }
    if (!text.isEmpty()) {
      card.get().appendAnswer(text);
    }
  }
}
