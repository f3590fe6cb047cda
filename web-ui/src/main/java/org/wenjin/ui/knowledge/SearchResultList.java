package org.wenjin.ui.knowledge;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.util.ArrayList;
import java.util.List;
import org.wenjin.knowledge.interfaces.SearchHitDto;
import org.wenjin.knowledge.interfaces.SearchResultsDto;
import org.wenjin.ui.i18n.Tr;

/**
 * The passages found, each with its title (a link to the passage in its document), source, labels
 * and page, and the matching words highlighted; or a welcome or "nothing found".
 */
class SearchResultList extends Div {

  SearchResultList() {
    setId("search-results");
    setWidthFull();
  }

  void showWelcome() {
    removeAll();
    Paragraph welcome = new Paragraph(getTranslation("knowledge.search.welcome"));
    welcome.setId("search-welcome");
    add(welcome);
  }

  void show(String q, SearchResultsDto r) {
    removeAll();
    if (r.hits().isEmpty()) {
      Paragraph none = new Paragraph(getTranslation("knowledge.search.empty", q));
      none.setId("search-empty");
      add(none);
      return;
    }
    Span summary =
        new Span(
            r.wordsOnly()
                ? getTranslation("knowledge.search.summary-words-only", r.total())
                : getTranslation("knowledge.search.summary", r.total()));
    summary.setId("search-summary");
    summary.addClassName("wenjin-hint");
    add(summary);
    if (!r.goodMatch()) {
      Paragraph weak = new Paragraph(getTranslation("knowledge.search.weak"));
      weak.setId("search-weak");
      weak.addClassName("wenjin-hint");
      add(weak);
    }
    for (SearchHitDto hit : r.hits()) {
      add(card(hit));
    }
  }

  private static Div card(SearchHitDto hit) {
    Div card = new Div();
    card.addClassName("wenjin-search-hit");
    card.setId("hit-" + hit.documentId() + "-" + hit.chunk());
    Anchor title = new Anchor(DocumentView.route(hit.documentId(), hit.chunk()), hit.title());
    title.addClassName("wenjin-search-hit-title");
    List<String> facts = new ArrayList<>();
    facts.add(hit.sourceName());
    if (hit.page() != null) {
      facts.add(Tr.t("knowledge.search.hit.page", hit.page()));
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

  private static String shorten(String text) {
    return text.length() <= 300 ? text : text.substring(0, 299) + "…";
  }
}
