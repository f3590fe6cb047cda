package org.wenjin.ui.admin;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import org.wenjin.audit.interfaces.UsageDto;
import org.wenjin.ui.i18n.Tr;
import org.wenjin.ui.knowledge.DocumentView;

/** The documents answers cite most, each a link to the document (its title set as text). */
class TopDocumentsGrid extends Grid<UsageDto.CitedDocument> {

  TopDocumentsGrid() {
    setId("usage-top-documents");
    addComponentColumn(TopDocumentsGrid::link)
        .setHeader(getTranslation("admin.usage.documents.column.document"))
        .setFlexGrow(1);
    addColumn(d -> UsageFormat.count(d.exchanges()))
        .setHeader(getTranslation("admin.usage.documents.column.cited"))
        .setAutoWidth(true);
    setAllRowsVisible(true); // the page scrolls, not the table
  }

  void show(UsageDto usage) {
    setEmptyStateText(
        usage.questions() == 0
            ? getTranslation("admin.usage.documents.empty.no-questions")
            : getTranslation("admin.usage.documents.empty"));
    setItems(usage.topDocuments());
  }

  private static Anchor link(UsageDto.CitedDocument d) {
    String numbered = Tr.t("admin.usage.documents.numbered", d.documentId());
    String title = d.title() == null ? numbered : d.title();
    Anchor link = new Anchor(DocumentView.route(d.documentId(), 0), title);
    link.getElement().setAttribute("title", numbered);
    return link;
  }
}
