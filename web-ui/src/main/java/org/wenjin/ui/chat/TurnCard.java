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
import org.wenjin.chat.domain.Citation;
import org.wenjin.chat.interfaces.TurnDto;
import org.wenjin.ui.common.InertMarkdown;
import org.wenjin.ui.common.TextPromptDialog;
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
    state.setText("Waiting for a free slot — position " + position);
  }

  void showAnswering() {
    state.setText("Answering with " + turn.modelLabel() + "…");
  }

  /** A flow's progress: "Step 2 of 3: “notes” 1 of 4". */
  void showStep(int number, int total, String label) {
    state.setText("Step " + number + " of " + total + ": " + label + "…");
  }

  /** Shows the turn as saved on the server (the final text replaces what was streamed). */
  void update(TurnDto saved) {
    this.turn = saved;
    showSources(saved.citations());
    steps.show(saved.flowId(), saved.flowTrace());
    if (!saved.isStreaming()) {
      answer.replace(saved.answer());
    }
    state.getElement().setAttribute("status", saved.status());
    state.setText(
        switch (saved.status()) {
          case "STREAMING" -> "Answering with " + saved.modelLabel() + "…";
          case "COMPLETE" ->
              "Answered by "
                  + saved.modelLabel()
                  + (saved.flowId() == null
                      ? ""
                      : " through the flow \u201c" + saved.flowId() + "\u201d");
          case "STOPPED" -> "Stopped — partial answer by " + saved.modelLabel();
          case "INTERRUPTED" -> saved.error();
          default -> "Failed: " + saved.error();
        });
    actions.removeAll();
    if (saved.isStreaming()) {
      return;
    }
    actions.add(
        action("rate-up", VaadinIcon.THUMBS_UP, "Good answer", saved.rating(), 1),
        action("rate-down", VaadinIcon.THUMBS_DOWN, "Bad answer", saved.rating(), -1),
        button("edit", VaadinIcon.EDIT, "Edit question and ask again", this::askEdited),
        button(
            "delete-turn",
            VaadinIcon.TRASH,
            "Delete this question and answer",
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
              "[" + c.marker() + "] " + c.title() + (c.page() == null ? "" : " · p. " + c.page()));
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
            "Edit question", "Question", asked.question(), "Ask again", "edit-question");
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
        new TextPromptDialog("What was wrong?", "Comment (optional)", "", "Send", "feedback");
    dialog.value.setRequired(false);
    dialog.onSubmit(
        e -> {
          if (handler.rate(rated, -1, dialog.value.getValue())) {
            dialog.close();
          }
        });
    dialog.open();
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
