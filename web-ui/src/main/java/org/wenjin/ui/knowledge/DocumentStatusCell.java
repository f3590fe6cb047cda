package org.wenjin.ui.knowledge;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import org.wenjin.knowledge.interfaces.DocumentDto;

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
      Span reason = new Span(d.error());
      reason.setId("error-" + d.id());
      reason.addClassName("wenjin-document-error");
      add(reason);
    }
  }

  private static String label(DocumentDto d) {
    return switch (d.status()) {
      case "QUEUED" -> "Queued";
      case "PROCESSING" ->
          "Indexing " + d.chunksDone() + " / " + (d.chunksTotal() == null ? "?" : d.chunksTotal());
      case "INDEXED" ->
          "Indexed · "
              + d.chunksTotal()
              + (d.chunksTotal() != null && d.chunksTotal() == 1 ? " passage" : " passages")
              + (d.pages() == null ? "" : " · " + d.pages() + " pages");
      default -> "Failed";
    };
  }

  private static String theme(String status) {
    return switch (status) {
      case "INDEXED" -> "badge success";
      case "FAILED" -> "badge error";
      default -> "badge contrast";
    };
  }
}
