package org.wenjin.ui.knowledge;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import java.util.function.Consumer;

/** Titles and headings that complete what the user types; picking one fires {@link PickEvent}. */
class SearchSuggestions extends Div {

  SearchSuggestions() {
    setId("search-suggestions");
    addClassName("wenjin-facets");
  }

  void show(List<String> suggestions) {
    removeAll();
    for (String s : suggestions) {
      Button suggestion =
          new Button(s, VaadinIcon.SEARCH.create(), e -> fireEvent(new PickEvent(this, s)));
      suggestion.addClassName("wenjin-suggestion");
      suggestion.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
      add(suggestion);
    }
  }

  Registration onPick(Consumer<String> listener) {
    return addListener(PickEvent.class, e -> listener.accept(e.suggestion));
  }

  /** The user picked a suggestion to search for. */
  static final class PickEvent extends ComponentEvent<SearchSuggestions> {
    final String suggestion;

    PickEvent(SearchSuggestions source, String suggestion) {
      super(source, false);
      this.suggestion = suggestion;
    }
  }
}
