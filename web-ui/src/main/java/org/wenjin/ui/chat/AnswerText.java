package org.wenjin.ui.chat;

import com.vaadin.flow.component.messages.MessageListItem;
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

  AnswerText(MessageListItem item, String text) {
    this.item = item;
    written.append(text == null ? "" : text);
    shown = InertMarkdown.render(written.toString());
    item.setText(shown);
  }

  void append(String piece) {
    written.append(piece);
    show(InertMarkdown.render(written.toString()));
  }

  void replace(String text) {
    written.setLength(0);
    written.append(text == null ? "" : text);
    show(InertMarkdown.render(written.toString()));
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
