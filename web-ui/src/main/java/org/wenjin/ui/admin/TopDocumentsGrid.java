package org.wenjin.ui.admin;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import org.wenjin.audit.interfaces.UsageDto;
import org.wenjin.ui.knowledge.DocumentView;

/** The documents answers cite most, each a link to the document (its title set as text). */
class TopDocumentsGrid extends Grid<UsageDto.CitedDocument> {

  TopDocumentsGrid() {
    setId("usage-top-documents");
    addComponentColumn(TopDocumentsGrid::link).setHeader("Document").setFlexGrow(1);
    addColumn(d -> UsageFormat.count(d.exchanges()))
        .setHeader("Cited in answers")
        .setAutoWidth(true);
    setAllRowsVisible(true); // the page scrolls, not the table
  }

  void show(UsageDto usage) {
    setEmptyStateText(
        usage.questions() == 0
            ? "No questions yet, so no document was cited. Answers cite the documents uploaded"
                + " under Knowledge → Manage documents."
            : "No answer cited a document in these days. Upload documents the questions are"
                + " about under Knowledge → Manage documents.");
    setItems(usage.topDocuments());
  }

  private static Anchor link(UsageDto.CitedDocument d) {
    String title = d.title() == null ? "Document " + d.documentId() : d.title();
    Anchor link = new Anchor(DocumentView.route(d.documentId(), 0), title);
    link.getElement().setAttribute("title", "Document " + d.documentId());
    return link;
  }
}
