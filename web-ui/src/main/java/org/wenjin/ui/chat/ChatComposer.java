package org.wenjin.ui.chat;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.messages.MessageInput;
import com.vaadin.flow.component.messages.MessageInputI18n;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.shared.Registration;
import java.util.function.Consumer;

/**
 * Where the user asks: the question box, "Stop" while an answer streams and "Regenerate" for the
 * last answer. Fires events; the view asks the server and says which buttons apply.
 */
class ChatComposer extends VerticalLayout {

  private final MessageInput input = new MessageInput();
  private final Button stop =
      new Button(getTranslation("chat.composer.stop"), VaadinIcon.STOP.create());
  private final Button regenerate =
      new Button(getTranslation("chat.composer.regenerate"), VaadinIcon.REFRESH.create());

  ChatComposer() {
    setPadding(false);
    setWidthFull();
    addClassName("wenjin-composer");
    input.setId("chat-input");
    input.setWidthFull();
    input.setI18n(
        new MessageInputI18n()
            .setMessage(getTranslation("chat.composer.message"))
            .setSend(getTranslation("chat.composer.send")));
    input.addSubmitListener(e -> fireEvent(new AskEvent(this, e.getValue())));
    stop.setId("stop");
    stop.addThemeVariants(ButtonVariant.LUMO_ERROR);
    stop.addClickListener(e -> fireEvent(new StopEvent(this)));
    regenerate.setId("regenerate");
    regenerate.addClickListener(e -> fireEvent(new RegenerateEvent(this)));
    add(new HorizontalLayout(stop, regenerate), input);
  }

  /**
   * @param streaming an answer is being written (it can be stopped)
   * @param canRegenerate there is a finished last answer to write again
   */
  void showState(boolean streaming, boolean canRegenerate) {
    stop.setVisible(streaming);
    regenerate.setVisible(canRegenerate);
  }

  Registration onAsk(Consumer<String> listener) {
    return addListener(AskEvent.class, e -> listener.accept(e.question));
  }

  Registration onStop(Runnable listener) {
    return addListener(StopEvent.class, e -> listener.run());
  }

  Registration onRegenerate(Runnable listener) {
    return addListener(RegenerateEvent.class, e -> listener.run());
  }

  /** The user sent a question. */
  static final class AskEvent extends ComponentEvent<ChatComposer> {
    final String question;

    AskEvent(ChatComposer source, String question) {
      super(source, false);
      this.question = question;
    }
  }

  /** The user wants the answer being written stopped. */
  static final class StopEvent extends ComponentEvent<ChatComposer> {
    StopEvent(ChatComposer source) {
      super(source, false);
    }
  }

  /** The user wants the last answer written again. */
  static final class RegenerateEvent extends ComponentEvent<ChatComposer> {
    RegenerateEvent(ChatComposer source) {
      super(source, false);
    }
  }
}
