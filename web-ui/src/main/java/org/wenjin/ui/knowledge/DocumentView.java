package org.wenjin.ui.knowledge;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.InputStreamDownloadHandler;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.wenjin.knowledge.interfaces.DocumentFileDto;
import org.wenjin.knowledge.interfaces.KnowledgeFacade;
import org.wenjin.knowledge.interfaces.SearchHitDto;
import org.wenjin.security.Roles;
import org.wenjin.ui.common.Notices;
import org.wenjin.ui.layout.MainLayout;

/**
 * A document as the knowledge base holds it: its passages in order under their headings and page
 * numbers, opened at the passage a search result or a citation points to ({@code
 * knowledge/document/<id>?passage=<n>}).
 */
@Route(value = "knowledge/document/:documentId", layout = MainLayout.class)
@RolesAllowed(Roles.USER)
public class DocumentView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

  @Inject private KnowledgeFacade knowledge;

  public DocumentView() {
    setId("document-view");
  }

  @Override
  public String getPageTitle() {
    return getTranslation("knowledge.document.page-title");
  }

  /** The link to passage {@code chunk} of a document. */
  public static String route(long documentId, int chunk) {
    return "knowledge/document/" + documentId + "?passage=" + chunk;
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    removeAll();
    long id = event.getRouteParameters().getLong("documentId").orElse(-1L);
    int target =
        event
            .getLocation()
            .getQueryParameters()
            .getParameters()
            .getOrDefault("passage", List.of("0"))
            .stream()
            .findFirst()
            .map(DocumentView::parse)
            .orElse(0);
    List<SearchHitDto> passages = new ArrayList<>();
    if (!Notices.attempt(() -> passages.addAll(knowledge.passages(id)), null)) {
      Paragraph missing = new Paragraph(getTranslation("knowledge.document.missing"));
      missing.setId("document-missing");
      add(new Anchor("knowledge", getTranslation("knowledge.document.back")), missing);
      return;
    }
    SearchHitDto first = passages.get(0);
    Span meta =
        new Span(
            first.sourceName()
                + " · "
                + first.collection()
                + (first.labels().isEmpty() ? "" : " · " + String.join(", ", first.labels())));
    meta.addClassName("wenjin-hint");
    add(
        new Anchor("knowledge", getTranslation("knowledge.document.back")),
        new H2(first.title()),
        meta,
        original(id, first, passages, target));
    String heading = null;
    Integer page = null;
    for (SearchHitDto p : passages) {
      if (p.page() != null && !Objects.equals(p.page(), page)) {
        page = p.page();
        Span pageMark = new Span(getTranslation("knowledge.document.page", page));
        pageMark.addClassName("wenjin-page-mark");
        add(pageMark);
      }
      if (p.heading() != null && !p.heading().isBlank() && !p.heading().equals(heading)) {
        heading = p.heading();
        Span h = new Span(heading);
        h.addClassName("wenjin-passage-heading");
        add(h);
      }
      Div passage = new Div();
      passage.setText(p.text());
      passage.setId("passage-" + p.chunk());
      passage.addClassName("wenjin-passage");
      if (p.chunk() == target) {
        passage.addClassName("wenjin-passage-target");
        passage.getElement().executeJs("this.scrollIntoView({block: 'center'})");
      }
      add(passage);
    }
  }

  /**
   * A link to the stored file: a PDF opens in the browser at the passage's page; any other type
   * downloads (how, and with which headers: {@link OriginalFile}).
   */
  private Anchor original(long id, SearchHitDto first, List<SearchHitDto> passages, int target) {
    boolean pdf = OriginalFile.opensInBrowser(first.mediaType());
    InputStreamDownloadHandler handler =
        DownloadHandler.fromInputStream(
            event -> {
              DocumentFileDto file = knowledge.original(id);
              OriginalFile.secure(event.getResponse());
              return new DownloadResponse(
                  new ByteArrayInputStream(file.bytes()),
                  file.fileName(),
                  OriginalFile.contentType(file.mediaType()),
                  file.bytes().length);
            });
    Anchor link =
        new Anchor(
            pdf ? handler.inline() : handler,
            pdf
                ? getTranslation("knowledge.document.open-pdf")
                : getTranslation("knowledge.document.download"));
    link.setId("document-original");
    link.setTarget("_blank");
    Integer page =
        passages.stream()
            .filter(p -> p.chunk() == target)
            .map(SearchHitDto::page)
            .filter(Objects::nonNull)
            .findFirst()
            .orElse(null);
    if (pdf && page != null) {
      // the browser's PDF viewer opens at #page=n
      link.getElement().executeJs("this.href = this.href + '#page=' + $0", page);
    }
    return link;
  }

  private static int parse(String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
