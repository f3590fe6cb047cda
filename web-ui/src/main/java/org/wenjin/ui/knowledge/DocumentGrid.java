package org.wenjin.ui.knowledge;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.shared.Registration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Consumer;
import org.wenjin.knowledge.interfaces.DocumentDto;

/**
 * The company's documents with their indexing status. "Index again" and "Delete" (once confirmed)
 * fire events; the view calls the server and sets the items again.
 */
class DocumentGrid extends Grid<DocumentDto> {

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

  DocumentGrid() {
    setId("documents");
    addColumn(DocumentDto::title).setHeader("Title").setWidth("16em").setFlexGrow(2);
    addColumn(DocumentDto::sourceName).setHeader("File").setWidth("12em").setFlexGrow(1);
    addColumn(DocumentDto::collection).setHeader("Collection").setAutoWidth(true);
    addColumn(d -> String.join(", ", d.labels())).setHeader("Labels").setAutoWidth(true);
    addColumn(d -> d.visibleTo().isEmpty() ? "everyone" : String.join(", ", d.visibleTo()))
        .setHeader("Visible to")
        .setAutoWidth(true);
    addColumn(d -> size(d.sizeBytes())).setHeader("Size").setAutoWidth(true);
    addComponentColumn(DocumentStatusCell::new).setHeader("Status").setWidth("16em").setFlexGrow(0);
    addColumn(d -> DATE.format(d.createdAt())).setHeader("Uploaded").setAutoWidth(true);
    addComponentColumn(this::actions).setHeader("").setAutoWidth(true);
    setEmptyStateText("No documents yet. Drop files above to build your knowledge base.");
  }

  private HorizontalLayout actions(DocumentDto d) {
    Button reindex =
        new Button(VaadinIcon.REFRESH.create(), e -> fireEvent(new ReindexEvent(this, d)));
    reindex.setId("reindex-" + d.id());
    reindex.setTooltipText("Index again from the stored file");
    reindex.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
    Button delete = new Button(VaadinIcon.TRASH.create(), e -> confirmDelete(d));
    delete.setId("delete-document-" + d.id());
    delete.setTooltipText("Delete");
    delete.addThemeVariants(
        ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
    return new HorizontalLayout(reindex, delete);
  }

  private void confirmDelete(DocumentDto d) {
    ConfirmDialog dialog =
        new ConfirmDialog(
            "Delete “" + d.title() + "”?",
            "The file and every passage of it leave the knowledge base. Answers that cited it keep"
                + " their text.",
            "Delete",
            e -> fireEvent(new DeleteEvent(this, d)));
    dialog.setConfirmButtonTheme("error primary");
    dialog.setCancelable(true);
    dialog.setId("confirm-delete-document");
    dialog.open();
  }

  private static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    if (bytes < 1024 * 1024) {
      return String.format(Locale.ROOT, "%.0f KB", bytes / 1024.0);
    }
    return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
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
