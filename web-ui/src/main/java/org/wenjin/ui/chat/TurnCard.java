package org.wenjin.ui.chat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.messages.MessageList;
import com.vaadin.flow.component.messages.MessageListItem;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.List;
import java.util.stream.Collectors;
import org.wenjin.chat.domain.Citation;
import org.wenjin.chat.interfaces.TurnDto;
import org.wenjin.platform.text.RuleMessage;
import org.wenjin.ui.common.Clipboard;
import org.wenjin.ui.common.InertMarkdown;
import org.wenjin.ui.common.TextPromptDialog;
import org.wenjin.ui.i18n.Tr;
import org.wenjin.ui.knowledge.DocumentView;

/**
 * One question and its answer (Markdown, made inert on the server by {@link AnswerText}, then
 * rendered by the client), the answer's state and the actions on it. Actions are handed to a {@link
 * TurnActions} the view implements; the card only asks for their details (an edited question, why
 * an answer is bad).
 */
class TurnCard extends VerticalLayout {

  private final AnswerText answer;
  private final Span state = new Span();
  private final Div sources = new Div();
  private final FlowSteps steps;
  private final HorizontalLayout actions = new HorizontalLayout();
  private final TurnActions handler;
  private TurnDto turn;

  TurnCard(TurnDto turn, String userName, TurnActions handler) {
    this.handler = handler;
    setId("turn-" + turn.id());
    addClassName("wenjin-turn");
    setPadding(false);
    setSpacing(false);
    MessageListItem question =
        new MessageListItem(InertMarkdown.render(turn.question()), turn.askedAt(), userName);
    question.setUserColorIndex(1);
    MessageListItem answerItem = new MessageListItem(null, null, turn.modelLabel());
    answerItem.setUserColorIndex(3);
    answer = new AnswerText(answerItem, turn.answer());
    MessageList messages = new MessageList(List.of(question, answerItem));
    messages.setMarkdown(true);
    state.addClassName("wenjin-turn-state");
    state.setId("state-" + turn.id());
    actions.addClassName("wenjin-turn-actions");
    sources.setId("sources-" + turn.id());
    sources.addClassName("wenjin-turn-sources");
    steps = new FlowSteps(turn.id());
    add(messages, sources, steps, new HorizontalLayout(state, actions));
    update(turn);
  }

  long turnId() {
    return turn.id();
  }

  long conversationId() {
    return turn.conversationId();
  }

  void appendAnswer(String text) {
    answer.append(text);
  }

  void showWaiting(int position) {
    state.setText(getTranslation("chat.turn.waiting", position));
  }

  void showAnswering() {
    state.setText(getTranslation("chat.turn.answering", turn.modelLabel()));
  }

  /** A flow's progress: "Step 2 of 3: “notes” 1 of 4". */
  void showStep(int number, int total, RuleMessage label) {
    state.setText(getTranslation("chat.turn.step", number, total, label.in(Tr.locale())));
  }

  /** Shows the turn as saved on the server (the final text replaces what was streamed). */
  void update(TurnDto saved) {
    this.turn = saved;
    showSources(saved.citations());
    answer.cite(
        saved.citations().stream()
            .collect(
                Collectors.toMap(
                    Citation::marker,
                    c -> DocumentView.route(c.documentId(), c.chunk()),
                    (first, again) -> first)));
    steps.show(saved.flowId(), saved.flowTrace());
    if (!saved.isStreaming()) {
      answer.replace(saved.answer());
    }
    state.getElement().setAttribute("status", saved.status());
    state.setText(
        switch (saved.status()) {
          case "STREAMING" -> getTranslation("chat.turn.answering", saved.modelLabel());
          case "COMPLETE" ->
              saved.flowId() == null
                  ? getTranslation("chat.turn.answered", saved.modelLabel())
                  : getTranslation("chat.turn.answered-flow", saved.modelLabel(), saved.flowId());
          case "STOPPED" -> getTranslation("chat.turn.stopped", saved.modelLabel());
          // the stored reason is the server's English; the state says it in the reader's words
          case "INTERRUPTED" -> getTranslation("chat.turn.interrupted");
          default -> getTranslation("chat.turn.failed", saved.errorIn(Tr.locale()));
        });
    actions.removeAll();
    if (saved.isStreaming()) {
      return;
    }
    actions.add(
        action(
            "rate-up",
            VaadinIcon.THUMBS_UP,
            getTranslation("chat.turn.rate-up"),
            saved.rating(),
            1),
        action(
            "rate-down",
            VaadinIcon.THUMBS_DOWN,
            getTranslation("chat.turn.rate-down"),
            saved.rating(),
            -1),
        copyButton(saved.answer()),
        button("edit", VaadinIcon.EDIT, getTranslation("chat.turn.edit"), this::askEdited),
        button(
            "delete-turn",
            VaadinIcon.TRASH,
            getTranslation("chat.turn.delete"),
            () -> handler.delete(turn)));
  }

  /** The passages the answer may cite, as links that open each at its place in the document. */
  private void showSources(List<Citation> citations) {
    sources.removeAll();
    sources.setVisible(!citations.isEmpty());
    for (Citation c : citations) {
      Anchor link =
          new Anchor(
              DocumentView.route(c.documentId(), c.chunk()),
              c.page() == null
                  ? getTranslation("chat.turn.source", String.valueOf(c.marker()), c.title())
                  : getTranslation(
                      "chat.turn.source-page", String.valueOf(c.marker()), c.title(), c.page()));
      link.setId("source-" + turn.id() + "-" + c.marker());
      link.addClassName("wenjin-turn-source");
      sources.add(link);
    }
  }

  private Button action(String id, VaadinIcon icon, String tooltip, Integer current, int value) {
    Button b = button(id, icon, tooltip, () -> rate(value));
    if (current != null && current == value) {
      b.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    }
    return b;
  }

  private void askEdited() {
    TurnDto asked = turn;
    TextPromptDialog dialog =
        new TextPromptDialog(
            getTranslation("chat.edit.title"),
            getTranslation("chat.edit.label"),
            asked.question(),
            getTranslation("chat.edit.action"),
            "edit-question");
    dialog.onSubmit(
        e -> {
          if (handler.edit(asked, dialog.value.getValue())) {
            dialog.close();
          }
        });
    dialog.open();
  }

  /** A good answer is rated at once; a bad one asks what was wrong first. */
  private void rate(int value) {
    TurnDto rated = turn;
    if (value > 0) {
      handler.rate(rated, 1, null);
      return;
    }
    TextPromptDialog dialog =
        new TextPromptDialog(
            getTranslation("chat.feedback.title"),
            getTranslation("chat.feedback.label"),
            "",
            getTranslation("chat.feedback.action"),
            "feedback");
    dialog.value.setRequired(false);
    dialog.onSubmit(
        e -> {
          if (handler.rate(rated, -1, dialog.value.getValue())) {
            dialog.close();
          }
        });
    dialog.open();
  }

  /** Copies the answer as written (Markdown), in the browser's click: see {@link Clipboard}. */
  private Button copyButton(String text) {
    Button b = button("copy", VaadinIcon.COPY_O, getTranslation("chat.turn.copy"), () -> {});
    Clipboard.copyOnClick(b, text);
    return b;
  }

  private Button button(String id, VaadinIcon icon, String tooltip, Runnable click) {
    Button b = new Button(icon.create(), e -> click.run());
    b.setId(id + "-" + turn.id());
    b.setTooltipText(tooltip);
    b.getElement().setAttribute("aria-label", tooltip);
    b.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
    return b;
  }
}
