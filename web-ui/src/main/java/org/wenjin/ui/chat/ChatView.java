package org.wenjin.ui.chat;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.wenjin.chat.domain.DocumentSources;
import org.wenjin.chat.interfaces.AnswerFacade;
import org.wenjin.chat.interfaces.ConversationDto;
import org.wenjin.chat.interfaces.ConversationFacade;
import org.wenjin.chat.interfaces.TurnDto;
import org.wenjin.knowledge.interfaces.KnowledgeFacade;
import org.wenjin.security.Roles;
import org.wenjin.tenancy.interfaces.SessionDto;
import org.wenjin.ui.common.CodeBlockCopy;
import org.wenjin.ui.common.Notices;
import org.wenjin.ui.layout.MainLayout;
import org.wenjin.ui.session.CurrentUser;

/**
 * Chat: the user's conversations on the left, the open one on the right, answers streamed in with
 * server push and stoppable. {@code chat/<id>} opens a conversation; an id that is not the user's
 * shows the same "does not exist or is not yours" as a missing one. The components only fire
 * events; every server call is made here.
 */
@Route(value = "chat/:conversationId?", layout = MainLayout.class)
@RolesAllowed(Roles.USER)
public class ChatView extends HorizontalLayout
    implements BeforeEnterObserver, HasDynamicTitle, TurnActions {

  private final AnswerFacade answers;
  private final ConversationFacade conversations;
  private final KnowledgeFacade knowledge;
  private final CurrentUser currentUser;
  private final ConversationSidebar sidebar = new ConversationSidebar();
  private final ConversationHeader header = new ConversationHeader();
  private final TurnList turns = new TurnList(this);
  private final ChatComposer composer = new ChatComposer();
  private Long conversationId;

  /** The model the user picked: navigating (even to a new conversation) does not undo it. */
  private String chosenModel;

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
    header.onRename(this::rename);
    header.onClear(this::clear);
    header.onDelete(this::delete);
    header.onSourcesChanged(this::changeSources);
    header.onModelChanged(picked -> chosenModel = picked);
    composer.onAsk(this::ask);
    composer.onStop(this::stopAnswer);
    composer.onRegenerate(this::regenerateLast);
    Scroller scroller = new Scroller(turns);
    scroller.setSizeFull();
    scroller.addClassName("wenjin-chat-turns");
    VerticalLayout pane = new VerticalLayout(header, scroller, composer);
    pane.setSizeFull();
    pane.addClassName("wenjin-chat-pane");
    pane.expand(scroller);
    add(sidebar, pane);
    expand(pane);
  }

  @Override
  public String getPageTitle() {
    return getTranslation("chat.page-title");
  }

  @Override
  protected void onAttach(AttachEvent event) {
    super.onAttach(event);
    CodeBlockCopy.install(event.getUI());
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    if (currentUser.get().access() != SessionDto.Access.GRANTED) {
      return; // the layout explains why (no company, company disabled); nothing to load
    }
    header.showModels(answers.models(), chosenModel);
    header.showFlows(answers.flows());
    Notices.attempt(() -> header.showCollections(knowledge.collections()), null);
    show(event.getRouteParameters().get("conversationId").map(ChatView::parseId).orElse(null));
  }

  private static long parseId(String text) {
    return text.matches("\\d{1,18}") ? Long.parseLong(text) : -1L; // -1: "does not exist"
  }

  /** Shows a conversation (or the empty "new conversation" state) and refreshes the sidebar. */
  private void show(Long id) {
    conversationId = null;
    List<TurnDto> loaded = new ArrayList<>();
    if (id != null && Notices.attempt(() -> loaded.addAll(conversations.turns(id)), null)) {
      conversationId = id;
    }
    turns.show(
        loaded,
        currentUser.get() == null ? getTranslation("chat.you") : currentUser.get().displayName());
    refreshSidebar();
    header.show(currentConversation());
    streamingChanged();
  }

  private ConversationDto currentConversation() {
    return conversationId == null ? null : conversations.find(conversationId).orElse(null);
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
    DocumentSources sources = conversationId == null ? header.sources() : null;
    TurnDto asked =
        turns.start(
            answer ->
                answers.ask(
                    conversationId, question, header.modelId(), sources, header.flowId(), answer));
    if (asked != null && conversationId == null) {
      conversationId = asked.conversationId();
      UI.getCurrent().getPage().getHistory().replaceState(null, "chat/" + conversationId);
      refreshSidebar();
      header.show(currentConversation());
      streamingChanged();
    }
  }

  private void stopAnswer() {
    turns.streaming().ifPresent(id -> Notices.attempt(() -> answers.stop(id), null));
  }

  private void regenerateLast() {
    if (conversationId != null) {
      turns.start(answer -> answers.regenerate(conversationId, header.modelId(), answer));
    }
  }

  @Override
  public boolean edit(TurnDto turn, String question) {
    return turns.start(answer -> answers.edit(turn.id(), question, header.modelId(), answer))
        != null;
  }

  @Override
  public void delete(TurnDto turn) {
    if (Notices.attempt(
        () -> conversations.deleteTurn(turn.id()), getTranslation("chat.notice.turn-deleted"))) {
      show(conversationId);
    }
  }

  @Override
  public boolean rate(TurnDto turn, int rating, String comment) {
    return Notices.attempt(
        () -> turns.update(conversations.rate(turn.id(), rating, comment)),
        getTranslation("chat.notice.feedback-thanks"));
  }

  private void rename(String title) {
    if (Notices.attempt(
        () -> header.renamed(conversations.rename(conversationId, title).title()),
        getTranslation("chat.notice.renamed"))) {
      refreshSidebar();
    }
  }

  private void clear() {
    if (Notices.attempt(
        () -> conversations.clear(conversationId), getTranslation("chat.notice.cleared"))) {
      show(conversationId);
    }
  }

  private void delete() {
    if (Notices.attempt(
        () -> conversations.delete(conversationId), getTranslation("chat.notice.deleted"))) {
      open(null);
    }
  }

  @Override
  public void streamingChanged() {
    boolean streaming = turns.streaming().isPresent();
    composer.showState(streaming, !streaming && conversationId != null && turns.hasTurns());
    header.showActions(conversationId != null);
  }
}
