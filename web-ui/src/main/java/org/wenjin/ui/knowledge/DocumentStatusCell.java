package org.wenjin.ui.knowledge;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import org.wenjin.knowledge.interfaces.DocumentDto;
import org.wenjin.ui.i18n.Tr;

/** How a document's indexing goes: a badge, a progress bar while queued or indexing, the error. */
class DocumentStatusCell extends Div {

  DocumentStatusCell(DocumentDto d) {
    setId("status-" + d.id());
    getElement().setAttribute("status", d.status());
    Span badge = new Span(label(d));
    badge.getElement().getThemeList().add(theme(d.status()));
    add(badge);
    if ("PROCESSING".equals(d.status()) && d.chunksTotal() != null && d.chunksTotal() > 0) {
      ProgressBar bar = new ProgressBar(0, d.chunksTotal(), d.chunksDone());
      add(bar);
    } else if ("QUEUED".equals(d.status())) {
      ProgressBar bar = new ProgressBar();
      bar.setIndeterminate(true);
      add(bar);
    }
    if (d.error() != null) {
      Span reason =
          new Span(d.errorMessage() == null ? d.error() : d.errorMessage().in(Tr.locale()));
      reason.setId("error-" + d.id());
      reason.addClassName("wenjin-document-error");
      add(reason);
    }
  }

  private static String label(DocumentDto d) {
    return switch (d.status()) {
      case "QUEUED" -> Tr.t("knowledge.status.queued");
      case "PROCESSING" ->
          d.chunksTotal() == null
              ? Tr.t("knowledge.status.indexing-unknown", d.chunksDone())
              : Tr.t("knowledge.status.indexing", d.chunksDone(), d.chunksTotal());
      case "INDEXED" ->
          d.pages() == null
              ? Tr.t("knowledge.status.indexed", passages(d))
              : Tr.t("knowledge.status.indexed-pages", passages(d), d.pages());
      default -> Tr.t("knowledge.status.failed");
    };
  }

  private static int passages(DocumentDto d) {
    return d.chunksTotal() == null ? 0 : d.chunksTotal();
  }

  private static String theme(String status) {
    return switch (status) {
      case "INDEXED" -> "badge success";
      case "FAILED" -> "badge error";
      default -> "badge contrast";
    };
  }
}
