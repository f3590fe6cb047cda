package org.wenjin.ui.chat;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import java.util.function.Consumer;
import org.wenjin.chat.interfaces.ConversationDto;

/**
 * The user's conversations, newest first, with search and "new conversation". Fires events; the
 * view loads the data ("events up, data down").
 */
class ConversationSidebar extends VerticalLayout {

  private final TextField search = new TextField();
  private final VerticalLayout entries = new VerticalLayout();
  private Long selected;

  ConversationSidebar() {
    addClassName("wenjin-chat-sidebar");
    setPadding(true);
    setWidth("18rem");
    Button newConversation =
        new Button(
            getTranslation("chat.sidebar.new"),
            VaadinIcon.PLUS.create(),
            e -> fire(new Selected(this, null)));
    newConversation.setId("new-conversation");
    newConversation.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    newConversation.setWidthFull();
    search.setId("conversation-search");
    search.setPlaceholder(getTranslation("chat.sidebar.search"));
    search.setPrefixComponent(VaadinIcon.SEARCH.create());
    search.setClearButtonVisible(true);
    search.setWidthFull();
    search.setValueChangeMode(ValueChangeMode.LAZY);
    search.addValueChangeListener(e -> fire(new SearchChanged(this)));
    entries.setPadding(false);
    entries.setSpacing(false);
    entries.setId("conversation-list");
    add(newConversation, search, entries);
  }

  String searchText() {
    return search.getValue();
  }

  void show(List<ConversationDto> conversations, Long selectedId) {
    selected = selectedId;
    entries.removeAll();
    if (conversations.isEmpty()) {
      Span empty =
          new Span(
              search.isEmpty()
                  ? getTranslation("chat.sidebar.empty")
                  : getTranslation("chat.sidebar.no-match"));
      empty.addClassName("wenjin-muted");
      entries.add(empty);
    }
    for (ConversationDto c : conversations) {
      Button entry = new Button(c.title(), e -> fire(new Selected(this, c.id())));
      entry.setId("conversation-" + c.id());
      entry.addClassName("wenjin-conversation-entry");
      entry.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
      if (c.id() == (selected == null ? -1 : selected)) {
        entry.addClassName("selected");
      }
      entry.setWidthFull();
      entries.add(entry);
    }
  }

  private void fire(ComponentEvent<?> event) {
    fireEvent(event);
  }

  Registration onSelected(Consumer<Long> listener) {
    return addListener(Selected.class, e -> listener.accept(e.conversationId));
  }

  Registration onSearch(Runnable listener) {
    return addListener(SearchChanged.class, e -> listener.run());
  }

  /** A conversation was picked; {@code null}: start a new one. */
  static class Selected extends ComponentEvent<ConversationSidebar> {
    final Long conversationId;

    Selected(ConversationSidebar source, Long conversationId) {
      super(source, false);
      this.conversationId = conversationId;
    }
  }

  static class SearchChanged extends ComponentEvent<ConversationSidebar> {
    SearchChanged(ConversationSidebar source) {
      super(source, false);
    }
  }
}
