package org.wenjin.ui.knowledge;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.wenjin.knowledge.interfaces.KnowledgeFacade;
import org.wenjin.knowledge.interfaces.SearchHitDto;
import org.wenjin.knowledge.interfaces.SearchResultsDto;
import org.wenjin.security.Roles;
import org.wenjin.ui.common.Notices;
import org.wenjin.ui.layout.MainLayout;
import org.wenjin.ui.session.CurrentUser;

/**
 * Search the company's documents (Fess-like): highlighted passages with title, source, labels and
 * page; the query lives in the URL ({@code knowledge?q=...&page=n}) so results can be shared and
 * the back button works.
 */
@Route(value = "knowledge", layout = MainLayout.class)
@PageTitle("Knowledge · Wenjin")
@RolesAllowed({Roles.USER, Roles.TENANT_ADMIN})
public class KnowledgeView extends VerticalLayout implements BeforeEnterObserver {

  static final int PAGE_SIZE = 10;

  @Inject private KnowledgeFacade knowledge;

  @Inject private CurrentUser user;

  private final TextField query = new TextField();
  private final Div results = new Div();
  private final HorizontalLayout pager = new HorizontalLayout();
  private final Div facets = new Div();
  private final Div suggestions = new Div();
  private Map<String, String> narrowed = Map.of();

  @PostConstruct
  void init() {
    setId("knowledge-view");
    setSizeFull();
    query.setId("search-query");
    query.setPlaceholder("Search your company's documents — 如何申请年假？");
    query.setWidthFull();
    query.setClearButtonVisible(true);
    query.addKeyPressListener(Key.ENTER, e -> go(query.getValue(), 0));
    // suggestions while typing: titles and headings of the documents the user may see
    query.setValueChangeMode(ValueChangeMode.LAZY);
    query.setValueChangeTimeout(250);
    query.addValueChangeListener(
        e -> {
          if (e.isFromClient()) {
            suggest(e.getValue());
          }
        });
    suggestions.setId("search-suggestions");
    suggestions.addClassName("wenjin-facets");
    Button search = new Button("Search", VaadinIcon.SEARCH.create(), e -> go(query.getValue(), 0));
    search.setId("search-button");
    search.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    HorizontalLayout bar = new HorizontalLayout(query, search);
    bar.setWidthFull();
    bar.setAlignItems(FlexComponent.Alignment.BASELINE);

    HorizontalLayout header = new HorizontalLayout(new H2("Knowledge"));
    header.setAlignItems(FlexComponent.Alignment.BASELINE);
    if (user.get().hasRole(Roles.TENANT_ADMIN)) {
      Anchor manage = new Anchor("knowledge/documents", "Manage documents");
      manage.setId("manage-documents");
      header.add(manage);
    }
    results.setId("search-results");
    results.setWidthFull();
    pager.setId("search-pager");
    facets.setId("search-facets");
    facets.addClassName("wenjin-facets");
    add(header, bar, suggestions, facets, results, pager);
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    Map<String, List<String>> params = event.getLocation().getQueryParameters().getParameters();
    String q = params.getOrDefault("q", List.of("")).get(0);
    int page = parsePage(params.getOrDefault("page", List.of("0")).get(0));
    Map<String, String> filters = new java.util.TreeMap<>();
    for (String facet : FACET_PARAMS.values()) {
      params.getOrDefault(facet, List.of()).stream()
          .findFirst()
          .filter(v -> !v.isBlank())
          .ifPresent(v -> filters.put(facet, v));
    }
    narrowed = filters;
    query.setValue(q);
    if (q.isBlank()) {
      showWelcome();
    } else {
      run(q, page);
    }
  }

  private void go(String q, int page) {
    go(q, page, narrowed);
  }

  private void suggest(String typed) {
    suggestions.removeAll();
    List<String> found = new ArrayList<>();
    Notices.attempt(() -> found.addAll(knowledge.suggest(typed)), null);
    for (String s : found) {
      Button suggestion = new Button(s, VaadinIcon.SEARCH.create(), e -> go(s, 0));
      suggestion.addClassName("wenjin-suggestion");
      suggestion.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
      suggestions.add(suggestion);
    }
  }

  private void go(String q, int page, Map<String, String> filters) {
    Map<String, String> params = new java.util.TreeMap<>(filters);
    params.put("q", q);
    params.put("page", String.valueOf(page));
    getUI().ifPresent(ui -> ui.navigate("knowledge", QueryParameters.simple(params)));
  }

  private void run(String q, int page) {
    results.removeAll();
    pager.removeAll();
    facets.removeAll();
    suggestions.removeAll();
    List<SearchResultsDto> found = new ArrayList<>(1);
    if (!Notices.attempt(
        () ->
            found.add(
                knowledge.search(
                    q, null, narrowed.get("label"), narrowed.get("type"), page, PAGE_SIZE)),
        null)) {
      return;
    }
    SearchResultsDto r = found.get(0);
    showFacets(q, r);
    if (r.hits().isEmpty()) {
      Paragraph none =
          new Paragraph(
              "No passages match “"
                  + q
                  + "”. Try other words, fewer words, or the other language.");
      none.setId("search-empty");
      results.add(none);
      return;
    }
    Span summary =
        new Span(
            r.total()
                + " passages"
                + (r.wordsOnly()
                    ? " (matched by words only: the meaning search is unavailable)"
                    : ""));
    summary.setId("search-summary");
    summary.addClassName("wenjin-hint");
    results.add(summary);
    for (SearchHitDto hit : r.hits()) {
      results.add(card(hit));
    }
    if (page > 0) {
      Button previous = new Button("Previous", e -> go(q, page - 1));
      previous.setId("search-previous");
      pager.add(previous);
    }
    if ((page + 1) * PAGE_SIZE < r.total()) {
      Button next = new Button("Next", e -> go(q, page + 1));
      next.setId("search-next");
      pager.add(next);
    }
  }

  /** Facet field → URL parameter. */
  private static final Map<String, String> FACET_PARAMS =
      new java.util.LinkedHashMap<>(Map.of("labels", "label", "media_type", "type"));

  /** Chips that narrow the search by label or file type; an active one removes its filter. */
  private void showFacets(String q, SearchResultsDto r) {
    for (Map.Entry<String, String> facet : FACET_PARAMS.entrySet()) {
      String param = facet.getValue();
      String active = narrowed.get(param);
      if (active != null) {
        Map<String, String> without = new java.util.TreeMap<>(narrowed);
        without.remove(param);
        Button clear = new Button(typeName(active) + " ✕", e -> go(q, 0, without));
        clear.setId("facet-clear-" + param);
        clear.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
        facets.add(clear);
        continue;
      }
      for (var value : r.facets().getOrDefault(facet.getKey(), List.of())) {
        Map<String, String> with = new java.util.TreeMap<>(narrowed);
        with.put(param, value.value());
        Button chip =
            new Button(typeName(value.value()) + " (" + value.count() + ")", e -> go(q, 0, with));
        chip.setId("facet-" + param + "-" + value.value().replaceAll("[^A-Za-z0-9_-]", "_"));
        chip.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_CONTRAST);
        facets.add(chip);
      }
    }
  }

  /** File types as people call them; labels as they are. */
  private static String typeName(String value) {
    return switch (value) {
      case "application/pdf" -> "PDF";
      case "application/vnd.openxmlformats-officedocument.wordprocessingml.document" -> "Word";
      case "text/html", "application/xhtml+xml" -> "HTML";
      case "text/markdown", "text/x-web-markdown" -> "Markdown";
      case "text/plain" -> "Text";
      default -> value;
    };
  }

  private Div card(SearchHitDto hit) {
    Div card = new Div();
    card.addClassName("wenjin-search-hit");
    card.setId("hit-" + hit.documentId() + "-" + hit.chunk());
    Anchor title = new Anchor(DocumentView.route(hit.documentId(), hit.chunk()), hit.title());
    title.addClassName("wenjin-search-hit-title");
    List<String> facts = new ArrayList<>();
    facts.add(hit.sourceName());
    if (hit.page() != null) {
      facts.add("page " + hit.page());
    }
    if (hit.heading() != null && !hit.heading().isBlank()) {
      facts.add(hit.heading());
    }
    facts.add(hit.collection());
    facts.addAll(hit.labels());
    Span meta = new Span(String.join(" · ", facts));
    meta.addClassName("wenjin-hint");
    Div excerpt = new Div();
    excerpt.addClassName("wenjin-search-hit-text");
    if (hit.fragments().isEmpty()) {
      excerpt.setText(shorten(hit.text()));
    } else {
      // the server escaped the document text; only its <em> marks are markup
      excerpt.getElement().setProperty("innerHTML", String.join(" … ", hit.fragments()));
    }
    card.add(new Div(title), meta, excerpt);
    return card;
  }

  private void showWelcome() {
    results.removeAll();
    pager.removeAll();
    Paragraph welcome =
        new Paragraph(
            "Ask in Chinese or English: the search matches words and meaning, and shows the"
                + " passages with their document and page.");
    welcome.setId("search-welcome");
    results.add(welcome);
  }

  private static String shorten(String text) {
    return text.length() <= 300 ? text : text.substring(0, 299) + "…";
  }

  private static int parsePage(String value) {
    try {
      return Math.max(0, Integer.parseInt(value));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
