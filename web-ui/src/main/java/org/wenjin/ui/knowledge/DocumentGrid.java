package org.wenjin.ui.knowledge;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.shared.Registration;
import java.util.function.Consumer;
import org.wenjin.knowledge.interfaces.DocumentDto;
import org.wenjin.ui.i18n.LocalFormats;
import org.wenjin.ui.i18n.Tr;

/**
 * The company's documents with their indexing status. "Index again" and "Delete" (once confirmed)
 * fire events; the view calls the server and sets the items again.
 */
class DocumentGrid extends Grid<DocumentDto> {

  DocumentGrid() {
    setId("documents");
    addColumn(DocumentDto::title)
        .setHeader(getTranslation("knowledge.documents.column.title"))
        .setWidth("16em")
        .setFlexGrow(2);
    addColumn(DocumentDto::sourceName)
        .setHeader(getTranslation("knowledge.documents.column.file"))
        .setWidth("12em")
        .setFlexGrow(1);
    addColumn(DocumentDto::collection)
        .setHeader(getTranslation("knowledge.documents.column.collection"))
        .setAutoWidth(true);
    addColumn(d -> String.join(", ", d.labels()))
        .setHeader(getTranslation("knowledge.documents.column.labels"))
        .setAutoWidth(true);
    addColumn(
            d ->
                d.visibleTo().isEmpty()
                    ? Tr.t("knowledge.documents.visible-to.everyone")
                    : String.join(", ", d.visibleTo()))
        .setHeader(getTranslation("knowledge.documents.column.visible-to"))
        .setAutoWidth(true);
    addColumn(d -> size(d.sizeBytes()))
        .setHeader(getTranslation("knowledge.documents.column.size"))
        .setAutoWidth(true);
    addComponentColumn(DocumentStatusCell::new)
        .setHeader(getTranslation("knowledge.documents.column.status"))
        .setWidth("16em")
        .setFlexGrow(0);
    addColumn(d -> LocalFormats.dateTime(d.createdAt()))
        .setHeader(getTranslation("knowledge.documents.column.uploaded"))
        .setAutoWidth(true);
    addComponentColumn(this::actions).setHeader("").setAutoWidth(true).setFrozenToEnd(true);
    setEmptyStateText(getTranslation("knowledge.documents.empty"));
  }

  private HorizontalLayout actions(DocumentDto d) {
    Button reindex =
        new Button(VaadinIcon.REFRESH.create(), e -> fireEvent(new ReindexEvent(this, d)));
    reindex.setId("reindex-" + d.id());
    reindex.setTooltipText(getTranslation("knowledge.documents.reindex.tooltip"));
    reindex.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
    Button delete = new Button(VaadinIcon.TRASH.create(), e -> confirmDelete(d));
    delete.setId("delete-document-" + d.id());
    delete.setTooltipText(getTranslation("common.delete"));
    delete.addThemeVariants(
        ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
    return new HorizontalLayout(reindex, delete);
  }

  private void confirmDelete(DocumentDto d) {
    ConfirmDialog dialog =
        new ConfirmDialog(
            getTranslation("knowledge.documents.delete.title", d.title()),
            getTranslation("knowledge.documents.delete.text"),
            getTranslation("common.delete"),
            e -> fireEvent(new DeleteEvent(this, d)));
    dialog.setConfirmButtonTheme("error primary");
    dialog.setCancelable(true);
    dialog.setCancelText(getTranslation("common.cancel"));
    dialog.setId("confirm-delete-document");
    dialog.open();
  }

  private static String size(long bytes) {
    if (bytes < 1024) {
      return Tr.t("knowledge.documents.size.bytes", LocalFormats.number(bytes));
    }
    if (bytes < 1024 * 1024) {
      return Tr.t("knowledge.documents.size.kilobytes", LocalFormats.decimal(bytes / 1024.0, 0));
    }
    String megabytes = LocalFormats.decimal(bytes / (1024.0 * 1024.0), 1);
    return Tr.t("knowledge.documents.size.megabytes", megabytes);
  }

  Registration onReindex(Consumer<DocumentDto> listener) {
    return addListener(ReindexEvent.class, e -> listener.accept(e.document));
  }

  Registration onDelete(Consumer<DocumentDto> listener) {
    return addListener(DeleteEvent.class, e -> listener.accept(e.document));
  }

  /** The admin wants the document indexed again from its stored file. */
  static final class ReindexEvent extends ComponentEvent<DocumentGrid> {
    final DocumentDto document;

    ReindexEvent(DocumentGrid source, DocumentDto document) {
      super(source, false);
      this.document = document;
    }
  }

  /** The admin confirmed deleting the document. */
  static final class DeleteEvent extends ComponentEvent<DocumentGrid> {
    final DocumentDto document;

    DeleteEvent(DocumentGrid source, DocumentDto document) {
      super(source, false);
      this.document = document;
    }
  }
}
