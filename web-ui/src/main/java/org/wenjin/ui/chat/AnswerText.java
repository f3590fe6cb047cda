package org.wenjin.ui.chat;

import com.vaadin.flow.component.messages.MessageListItem;
import java.util.Map;
import org.wenjin.ui.common.InertMarkdown;

/**
 * The text of a message as the browser gets it: what the model (or the user) wrote, made inert as a
 * whole every time it grows, since a piece alone cannot be judged ("[here](http://" is harmless
 * until the rest arrives). While the inert text only grows, the browser gets just its new end, as
 * before; when the end changes its meaning (a link completed, emphasis closed), the whole text.
 */
final class AnswerText {

  private final MessageListItem item;
  private final StringBuilder written = new StringBuilder();
  private String shown;
  private Map<Integer, String> citations = Map.of();

  AnswerText(MessageListItem item, String text) {
    this.item = item;
    written.append(text == null ? "" : text);
    shown = InertMarkdown.render(written.toString());
    item.setText(shown);
  }

  /** From now on, the markers {@code [n]} of these passages are links to them. */
  void cite(Map<Integer, String> passageRoutes) {
    citations = Map.copyOf(passageRoutes);
  }

  void append(String piece) {
    written.append(piece);
    show(InertMarkdown.render(written.toString(), citations));
  }

  void replace(String text) {
    written.setLength(0);
    written.append(text == null ? "" : text);
    show(InertMarkdown.render(written.toString(), citations));
  }

  private void show(String inert) {
    if (inert.equals(shown)) {
      return;
    }
    if (inert.startsWith(shown)) {
      item.appendText(inert.substring(shown.length()));
    } else {
      item.setText(inert);
    }
    shown = inert;
  }
}
