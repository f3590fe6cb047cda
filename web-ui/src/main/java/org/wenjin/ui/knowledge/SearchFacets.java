package org.wenjin.ui.knowledge;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.shared.Registration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.wenjin.knowledge.interfaces.SearchResultsDto;
import org.wenjin.ui.i18n.Tr;

/**
 * Chips that narrow the search by label or file type; an active one removes its filter. A click
 * fires {@link NarrowEvent} with the filters the search should have.
 */
class SearchFacets extends Div {

  /** Facet field → URL parameter. */
  static final Map<String, String> PARAMS =
      new LinkedHashMap<>(Map.of("labels", "label", "media_type", "type"));

  SearchFacets() {
    setId("search-facets");
    addClassName("wenjin-facets");
  }

  /**
   * @param narrowed the filters of this search, by URL parameter
   */
  void show(SearchResultsDto r, Map<String, String> narrowed) {
    removeAll();
    for (Map.Entry<String, String> facet : PARAMS.entrySet()) {
      String param = facet.getValue();
      String active = narrowed.get(param);
      if (active != null) {
        Map<String, String> without = new TreeMap<>(narrowed);
        without.remove(param);
        Button clear =
            new Button(
                getTranslation("knowledge.facets.clear", typeName(active)), e -> narrow(without));
        clear.setId("facet-clear-" + param);
        clear.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
        add(clear);
        continue;
      }
      for (var value : r.facets().getOrDefault(facet.getKey(), List.of())) {
        Map<String, String> with = new TreeMap<>(narrowed);
        with.put(param, value.value());
        Button chip =
            new Button(
                getTranslation("knowledge.facets.chip", typeName(value.value()), value.count()),
                e -> narrow(with));
        chip.setId("facet-" + param + "-" + value.value().replaceAll("[^A-Za-z0-9_-]", "_"));
        chip.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_CONTRAST);
        add(chip);
      }
    }
  }

  private void narrow(Map<String, String> filters) {
    fireEvent(new NarrowEvent(this, filters));
  }

  /** File types as people call them; labels as they are. */
  private static String typeName(String value) {
    return switch (value) {
      case "application/pdf" -> "PDF";
      case "application/vnd.openxmlformats-officedocument.wordprocessingml.document" -> "Word";
      case "text/html", "application/xhtml+xml" -> "HTML";
      case "text/markdown", "text/x-web-markdown" -> "Markdown";
      case "text/plain" -> Tr.t("knowledge.facets.type.text");
      default -> value;
    };
  }

  Registration onNarrow(Consumer<Map<String, String>> listener) {
    return addListener(NarrowEvent.class, e -> listener.accept(e.filters));
  }

  /** The user changed the filters; {@code filters} are all of them, by URL parameter. */
  static final class NarrowEvent extends ComponentEvent<SearchFacets> {
    final Map<String, String> filters;

    NarrowEvent(SearchFacets source, Map<String, String> filters) {
      super(source, false);
      this.filters = filters;
    }
  }
}
