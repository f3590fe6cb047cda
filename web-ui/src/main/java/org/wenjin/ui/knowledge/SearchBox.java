package org.wenjin.ui.knowledge;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.shared.Registration;
import java.util.function.Consumer;

/**
 * The search field and its button. Fires {@link SearchEvent} on Enter or the button, and {@link
 * TypingEvent} while the user types (for suggestions).
 */
class SearchBox extends HorizontalLayout {

  private final TextField query = new TextField();

  SearchBox() {
    query.setId("search-query");
    query.setPlaceholder(getTranslation("knowledge.search.placeholder"));
    query.setWidthFull();
    query.setClearButtonVisible(true);
    query.addKeyPressListener(Key.ENTER, e -> search());
    // suggestions while typing: titles and headings of the documents the user may see
    query.setValueChangeMode(ValueChangeMode.LAZY);
    query.setValueChangeTimeout(250);
    query.addValueChangeListener(
        e -> {
          if (e.isFromClient()) {
            fireEvent(new TypingEvent(this, e.getValue()));
          }
        });
    Button search =
        new Button(
            getTranslation("knowledge.search.button"), VaadinIcon.SEARCH.create(), e -> search());
    search.setId("search-button");
    search.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    add(query, search);
    setWidthFull();
    setAlignItems(FlexComponent.Alignment.BASELINE);
  }

  /** Shows the query that the results are for (from the URL). */
  void show(String q) {
    query.setValue(q);
  }

  private void search() {
    fireEvent(new SearchEvent(this, query.getValue()));
  }

  Registration onSearch(Consumer<String> listener) {
    return addListener(SearchEvent.class, e -> listener.accept(e.query));
  }

  Registration onTyping(Consumer<String> listener) {
    return addListener(TypingEvent.class, e -> listener.accept(e.text));
  }

  /** The user asked to search for {@code query}. */
  static final class SearchEvent extends ComponentEvent<SearchBox> {
    final String query;

    SearchEvent(SearchBox source, String query) {
      super(source, false);
      this.query = query;
    }
  }

  /** The user paused typing; {@code text} is what the field holds. */
  static final class TypingEvent extends ComponentEvent<SearchBox> {
    final String text;

    TypingEvent(SearchBox source, String text) {
      super(source, false);
      this.text = text;
    }
  }
}
