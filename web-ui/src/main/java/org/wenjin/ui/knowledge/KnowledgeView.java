package org.wenjin.ui.knowledge;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.wenjin.knowledge.interfaces.KnowledgeFacade;
import org.wenjin.knowledge.interfaces.SearchResultsDto;
import org.wenjin.security.Roles;
import org.wenjin.ui.common.Notices;
import org.wenjin.ui.layout.MainLayout;
import org.wenjin.ui.session.CurrentUser;

/**
 * Search the company's documents (Fess-like): highlighted passages with title, source, labels and
 * page; the query lives in the URL ({@code knowledge?q=...&page=n}) so results can be shared and
 * the back button works. The components fire events; the view navigates and calls the server.
 */
@Route(value = "knowledge", layout = MainLayout.class)
@RolesAllowed(Roles.USER)
public class KnowledgeView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

  static final int PAGE_SIZE = 10;

  @Inject private KnowledgeFacade knowledge;

  @Inject private CurrentUser user;

  private final SearchBox box = new SearchBox();
  private final SearchSuggestions suggestions = new SearchSuggestions();
  private final SearchFacets facets = new SearchFacets();
  private final SearchResultList results = new SearchResultList();
  private final SearchPager pager = new SearchPager();
  private String query = "";
  private Map<String, String> narrowed = Map.of();

  @PostConstruct
  void init() {
    setId("knowledge-view");
    setSizeFull();
    box.onSearch(q -> go(q, 0, narrowed));
    box.onTyping(this::suggest);
    suggestions.onPick(s -> go(s, 0, narrowed));
    facets.onNarrow(filters -> go(query, 0, filters));
    pager.onPage(page -> go(query, page, narrowed));
    HorizontalLayout header =
        new HorizontalLayout(new H2(getTranslation("knowledge.search.heading")));
    header.setAlignItems(FlexComponent.Alignment.BASELINE);
    if (user.get().hasRole(Roles.TENANT_ADMIN)) {
      Anchor manage = new Anchor("knowledge/documents", getTranslation("knowledge.search.manage"));
      manage.setId("manage-documents");
      header.add(manage);
    }
    add(header, box, suggestions, facets, results, pager);
  }

  @Override
  public String getPageTitle() {
    return getTranslation("knowledge.search.page-title");
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    Map<String, List<String>> params = event.getLocation().getQueryParameters().getParameters();
    String q = params.getOrDefault("q", List.of("")).get(0);
    int page = parsePage(params.getOrDefault("page", List.of("0")).get(0));
    Map<String, String> filters = new TreeMap<>();
    for (String facet : SearchFacets.PARAMS.values()) {
      params.getOrDefault(facet, List.of()).stream()
          .findFirst()
          .filter(v -> !v.isBlank())
          .ifPresent(v -> filters.put(facet, v));
    }
    narrowed = filters;
    query = q;
    box.show(q);
    if (q.isBlank()) {
      results.showWelcome();
      pager.removeAll();
    } else {
      run(q, page);
    }
  }

  private void suggest(String typed) {
    List<String> found = new ArrayList<>();
    Notices.attempt(() -> found.addAll(knowledge.suggest(typed)), null);
    suggestions.show(found);
  }

  private void go(String q, int page, Map<String, String> filters) {
    Map<String, String> params = new TreeMap<>(filters);
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
    facets.show(r, narrowed);
    results.show(q, r);
    if (!r.hits().isEmpty()) {
      pager.show(page, r.total(), PAGE_SIZE);
    }
  }

  private static int parsePage(String value) {
    try {
      return Math.max(0, Integer.parseInt(value));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
