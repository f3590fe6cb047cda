package org.wenjin.ui.chat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.messages.MessageInput;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.wenjin.chat.domain.DocumentSources;
import org.wenjin.chat.interfaces.AnswerFacade;
import org.wenjin.chat.interfaces.AnswerListener;
import org.wenjin.chat.interfaces.ConversationDto;
import org.wenjin.chat.interfaces.ConversationFacade;
import org.wenjin.chat.interfaces.ModelDto;
import org.wenjin.chat.interfaces.TurnDto;
import org.wenjin.knowledge.interfaces.KnowledgeFacade;
import org.wenjin.security.Roles;
import org.wenjin.tenancy.interfaces.SessionDto;
import org.wenjin.ui.common.Notices;
import org.wenjin.ui.common.TextPromptDialog;
import org.wenjin.ui.layout.MainLayout;
import org.wenjin.ui.session.CurrentUser;

/**
 * Chat: the user's conversations on the left, the open one on the right, answers streamed in with
 * server push and stoppable. {@code chat/<id>} opens a conversation; an id that is not the user's
 * shows the same "does not exist or is not yours" as a missing one.
 */
@Route(value = "chat/:conversationId?", layout = MainLayout.class)
@PageTitle("Chat · Wenjin")
@RolesAllowed({Roles.USER, Roles.TENANT_ADMIN})
public class ChatView extends HorizontalLayout
    implements BeforeEnterObserver, TurnCard.TurnActions {

  private final AnswerFacade answers;

  private final ConversationFacade conversations;
  private final KnowledgeFacade knowledge;
  private final CurrentUser currentUser;
  private final ConversationSidebar sidebar = new ConversationSidebar();
  private final H3 title = new H3();
  private final Select<ModelDto> model = new Select<>();
  private final DocumentSourcesField sources = new DocumentSourcesField();
  private final TurnList turns = new TurnList(this);
  private final MessageInput input = new MessageInput();
  private final Button stop = new Button("Stop", VaadinIcon.STOP.create());
  private final Button regenerate = new Button("Regenerate", VaadinIcon.REFRESH.create());
  private final HorizontalLayout conversationActions = new HorizontalLayout();
  private Long conversationId;
  private Long streamingTurn;

  @Inject
  public ChatView(
      AnswerFacade answers,
      ConversationFacade conversations,
      KnowledgeFacade knowledge,
      CurrentUser currentUser) {
    this.answers = answers;
    this.conversations = conversations;
    this.knowledge = knowledge;
    this.currentUser = currentUser;
    setId("chat-view");
    setSizeFull();
    setSpacing(false);
    sidebar.onSelected(this::open);
    sidebar.onSearch(this::refreshSidebar);
    add(sidebar, conversationPane());
    expand(getComponentAt(1));
  }

  private void showTitle(String text) {
    title.setText(text);
    title.getElement().setAttribute("title", text);
  }

  private VerticalLayout conversationPane() {
    title.setId("conversation-title");
    title.addClassName("wenjin-conversation-title");
    model.setId("model-select");
    model.setLabel("Model");
    model.setItemLabelGenerator(ModelDto::label);
    Button rename = iconButton("rename-conversation", VaadinIcon.PENCIL, "Rename", this::rename);
    Button clear = iconButton("clear-conversation", VaadinIcon.ERASER, "Clear", this::clear);
    Button delete = iconButton("delete-conversation", VaadinIcon.TRASH, "Delete", this::delete);
    conversationActions.add(rename, clear, delete);
    sources.onChange(this::changeSources);
    HorizontalLayout header = new HorizontalLayout(title, conversationActions, sources, model);
    header.setWidthFull();
    header.setAlignItems(FlexComponent.Alignment.BASELINE);
    header.expand(title);
    // a narrow window moves the controls below the title instead of squeezing it to one
    // character per line (Chinese breaks anywhere); a long title ends in "…" (full on hover)
    header.getStyle().set("flex-wrap", "wrap");
    title
        .getStyle()
        .set("min-width", "12em")
        .set("white-space", "nowrap")
        .set("overflow", "hidden")
        .set("text-overflow", "ellipsis");

    Scroller scroller = new Scroller(turns);
    scroller.setSizeFull();

    input.setId("chat-input");
    input.setWidthFull();
    input.addSubmitListener(e -> ask(e.getValue()));
    stop.setId("stop");
    stop.addThemeVariants(ButtonVariant.LUMO_ERROR);
    stop.addClickListener(e -> stopAnswer());
    regenerate.setId("regenerate");
    regenerate.addClickListener(e -> regenerateLast());
    HorizontalLayout controls = new HorizontalLayout(stop, regenerate);

    VerticalLayout pane = new VerticalLayout(header, scroller, controls, input);
    pane.setSizeFull();
    pane.expand(scroller);
    return pane;
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    if (currentUser.get().access() != SessionDto.Access.GRANTED) {
      return; // the layout explains why (no company, company disabled); nothing to load
    }
    List<ModelDto> models = answers.models();
    model.setItems(models);
    models.stream().filter(ModelDto::preselected).findFirst().ifPresent(model::setValue);
    List<String> collections = new ArrayList<>();
    Notices.attempt(() -> collections.addAll(knowledge.collections()), null);
    sources.setCollections(collections);
    show(event.getRouteParameters().get("conversationId").map(ChatView::parseId).orElse(null));
  }

  private static long parseId(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      return -1L; // never an id: shown as "does not exist"
    }
  }

  /** Shows a conversation (or the empty "new conversation" state) and refreshes the sidebar. */
  private void show(Long id) {
    conversationId = null;
    streamingTurn = null;
    List<TurnDto> loaded = new ArrayList<>();
    if (id != null && Notices.attempt(() -> loaded.addAll(conversations.turns(id)), null)) {
      conversationId = id;
    }
    turns.show(loaded, userName());
    loaded.stream().filter(TurnDto::isStreaming).findFirst().ifPresent(t -> streamingTurn = t.id());
    refreshSidebar();
    ConversationDto current = currentConversation();
    showTitle(current == null ? "New conversation" : current.title());
    sources.setValue(current == null ? DocumentSources.ALL : current.sources());
    if (current != null && current.modelId() != null) {
      model
          .getListDataView()
          .getItems()
          .filter(m -> m.id().equals(current.modelId()))
          .findFirst()
          .ifPresent(model::setValue);
    }
    updateControls();
  }

  private ConversationDto currentConversation() {
    if (conversationId == null) {
      return null;
    }
    try {
      return conversations.conversation(conversationId);
    } catch (RuntimeException e) {
      return null; // deleted meanwhile
    }
  }

  private void refreshSidebar() {
    sidebar.show(conversations.conversations(sidebar.searchText()), conversationId);
  }

  /** A conversation keeps its choice; a new one takes it with its first question. */
  private void changeSources(DocumentSources chosen) {
    if (conversationId != null) {
      Notices.attempt(() -> conversations.changeSources(conversationId, chosen), null);
    }
  }

  private void open(Long id) {
    UI.getCurrent().navigate(id == null ? "chat" : "chat/" + id);
  }

  private void ask(String question) {
    TurnDto asked =
        startAnswer(
            listener ->
                answers.ask(
                    conversationId,
                    question,
                    modelId(),
                    conversationId == null ? sources.getValue() : null,
                    listener));
    if (asked != null && conversationId == null) {
      conversationId = asked.conversationId();
      UI.getCurrent().getPage().getHistory().replaceState(null, "chat/" + conversationId);
      refreshSidebar();
      ConversationDto current = currentConversation();
      showTitle(current == null ? "" : current.title());
      updateControls();
    }
  }

  /**
   * Starts an answer (ask, regenerate, edit) and shows it streaming; the listener finds its card
   * once the call returned (its events queue behind this request). Null when refused.
   */
  private TurnDto startAnswer(Function<AnswerListener, TurnDto> call) {
    TurnCard[] card = new TurnCard[1];
    TurnDto[] started = new TurnDto[1];
    AnswerListener listener =
        new StreamingAnswer(UI.getCurrent(), () -> card[0], this::answerFinished);
    if (!Notices.attempt(() -> started[0] = call.apply(listener), null)) {
      return null;
    }
    streamingTurn = started[0].id();
    card[0] = turns.put(started[0]);
    updateControls();
    return started[0];
  }

  private void answerFinished(TurnDto turn) {
    if (streamingTurn != null && streamingTurn == turn.id()) {
      streamingTurn = null;
    }
    if ("FAILED".equals(turn.status())) {
      Notices.show(turn.error(), NotificationVariant.LUMO_ERROR);
    }
    // No facade calls here: this may run on a pool thread, whose security context belongs to
    // whoever's request dispatched the answer, not necessarily this user.
    updateControls();
  }

  private void stopAnswer() {
    if (streamingTurn != null) {
      Long id = streamingTurn;
      Notices.attempt(() -> answers.stop(id), null);
    }
  }

  private void regenerateLast() {
    if (conversationId != null) {
      startAnswer(listener -> answers.regenerate(conversationId, modelId(), listener));
    }
  }

  @Override
  public void edit(TurnDto turn) {
    TextPromptDialog dialog =
        new TextPromptDialog(
            "Edit question", "Question", turn.question(), "Ask again", "edit-question");
    dialog.onSubmit(
        e -> {
          TurnDto restarted =
              startAnswer(
                  listener ->
                      answers.edit(turn.id(), dialog.value.getValue(), modelId(), listener));
          if (restarted != null) {
            turns.removeAfter(turn.id());
            dialog.close();
          }
        });
    dialog.open();
  }

  @Override
  public void delete(TurnDto turn) {
    if (Notices.attempt(
        () -> conversations.deleteTurn(turn.id()), "Question and answer deleted.")) {
      show(conversationId);
    }
  }

  @Override
  public void rate(TurnDto turn, int rating) {
    if (rating > 0) {
      Notices.attempt(
          () -> refresh(conversations.rate(turn.id(), 1, null)), "Thanks for the feedback.");
      return;
    }
    TextPromptDialog dialog =
        new TextPromptDialog("What was wrong?", "Comment (optional)", "", "Send", "feedback");
    dialog.value.setRequired(false);
    dialog.onSubmit(
        e -> {
          if (Notices.attempt(
              () -> refresh(conversations.rate(turn.id(), -1, dialog.value.getValue())),
              "Thanks for the feedback.")) {
            dialog.close();
          }
        });
    dialog.open();
  }

  private void refresh(TurnDto turn) {
    turns.card(turn.id()).ifPresent(card -> card.update(turn));
  }

  private void rename() {
    ConversationDto current = currentConversation();
    if (current == null) {
      return;
    }
    TextPromptDialog dialog =
        new TextPromptDialog(
            "Rename conversation", "Title", current.title(), "Rename", "conversation-title");
    dialog.onSubmit(
        e -> {
          if (Notices.attempt(
              () -> showTitle(conversations.rename(current.id(), dialog.value.getValue()).title()),
              "Conversation renamed.")) {
            dialog.close();
            refreshSidebar();
          }
        });
    dialog.open();
  }

  private void clear() {
    if (conversationId != null
        && Notices.attempt(() -> conversations.clear(conversationId), "Conversation cleared.")) {
      show(conversationId);
    }
  }

  private void delete() {
    if (conversationId == null) {
      return;
    }
    ConfirmDialog confirm =
        new ConfirmDialog(
            "Delete conversation?",
            "\"" + title.getText() + "\" and all its answers will be deleted.",
            "Delete",
            e -> {
              if (Notices.attempt(
                  () -> conversations.delete(conversationId), "Conversation deleted.")) {
                open(null);
              }
            });
    confirm.setConfirmButtonTheme("error primary");
    confirm.setCancelable(true);
    confirm.setId("confirm-delete");
    confirm.open();
  }

  private void updateControls() {
    stop.setVisible(streamingTurn != null);
    regenerate.setVisible(streamingTurn == null && conversationId != null && turns.hasTurns());
    conversationActions.setVisible(conversationId != null);
  }

  private String modelId() {
    return model.getValue() == null ? null : model.getValue().id();
  }

  private String userName() {
    return currentUser.get() == null ? "You" : currentUser.get().displayName();
  }

  private static Button iconButton(String id, VaadinIcon icon, String label, Runnable click) {
    Button b = new Button(icon.create(), e -> click.run());
    b.setId(id);
    b.setTooltipText(label);
    b.getElement().setAttribute("aria-label", label);
    b.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
    return b;
  }
}
