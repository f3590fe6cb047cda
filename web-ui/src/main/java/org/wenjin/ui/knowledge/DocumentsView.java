package org.wenjin.ui.knowledge;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.wenjin.knowledge.interfaces.DocumentDto;
import org.wenjin.knowledge.interfaces.KnowledgeFacade;
import org.wenjin.knowledge.interfaces.KnowledgeSettingsDto;
import org.wenjin.knowledge.interfaces.UploadRequest;
import org.wenjin.security.Roles;
import org.wenjin.ui.common.Notices;
import org.wenjin.ui.layout.MainLayout;

/**
 * Tenant admins upload documents (many at once) and watch them being indexed; the list refreshes
 * itself while anything is queued or in progress.
 */
@Route(value = "knowledge/documents", layout = MainLayout.class)
@PageTitle("Documents · Wenjin")
@RolesAllowed(Roles.TENANT_ADMIN)
public class DocumentsView extends VerticalLayout {

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

  /** How often the list refreshes while documents are being indexed. */
  private static final int POLL_MILLIS = 1500;

  @Inject private KnowledgeFacade knowledge;

  private final Grid<DocumentDto> grid = new Grid<>();
  private final TextField collection = new TextField("Collection");
  private final TextField labels = new TextField("Labels");
  private final TextField visibleTo = new TextField("Visible to groups");
  private Registration polling;

  @PostConstruct
  void init() {
    setId("documents-view");
    setSizeFull();
    // eager: an upload reads these fields at once, without waiting for them to lose focus
    for (TextField field : List.of(collection, labels, visibleTo)) {
      field.setValueChangeMode(ValueChangeMode.EAGER);
    }
    collection.setId("upload-collection");
    collection.setPlaceholder("general");
    labels.setId("upload-labels");
    labels.setPlaceholder("policy, hr");
    labels.setHelperText("Comma-separated");
    visibleTo.setId("upload-groups");
    visibleTo.setPlaceholder("Everyone in the company");
    visibleTo.setHelperText("Comma-separated group names");
    HorizontalLayout options = new HorizontalLayout(collection, labels, visibleTo);
    options.setAlignItems(FlexComponent.Alignment.BASELINE);

    Upload upload = new Upload(UploadHandler.inMemory(this::received));
    upload.setId("upload");
    upload.setAcceptedFileTypes(
        ".pdf",
        ".docx",
        ".html",
        ".htm",
        ".md",
        ".markdown",
        ".txt",
        "application/pdf",
        "text/html",
        "text/plain",
        "text/markdown");
    upload.setMaxFileSize(50 * 1024 * 1024);
    upload.addFileRejectedListener(
        e ->
            Notices.show(
                e.getErrorMessage(),
                com.vaadin.flow.component.notification.NotificationVariant.LUMO_ERROR));
    Paragraph hint =
        new Paragraph(
            "PDF, Word (DOCX), HTML, Markdown or plain text (UTF-8 or GBK), up to 50 MB each. Files"
                + " are stored at once and indexed in the background.");
    hint.addClassName("wenjin-hint");

    grid.setId("documents");
    grid.addColumn(DocumentDto::title).setHeader("Title").setWidth("16em").setFlexGrow(2);
    grid.addColumn(DocumentDto::sourceName).setHeader("File").setWidth("12em").setFlexGrow(1);
    grid.addColumn(DocumentDto::collection).setHeader("Collection").setAutoWidth(true);
    grid.addColumn(d -> String.join(", ", d.labels())).setHeader("Labels").setAutoWidth(true);
    grid.addColumn(d -> d.visibleTo().isEmpty() ? "everyone" : String.join(", ", d.visibleTo()))
        .setHeader("Visible to")
        .setAutoWidth(true);
    grid.addColumn(d -> size(d.sizeBytes())).setHeader("Size").setAutoWidth(true);
    grid.addComponentColumn(this::status).setHeader("Status").setWidth("16em").setFlexGrow(0);
    grid.addColumn(d -> DATE.format(d.createdAt())).setHeader("Uploaded").setAutoWidth(true);
    grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true);
    grid.setEmptyStateText("No documents yet. Drop files above to build your knowledge base.");

    Button reindexAll =
        new Button(
            "Re-index all",
            VaadinIcon.REFRESH.create(),
            e ->
                Notices.attempt(
                    () -> knowledge.reindexAll(), "Every document is queued to be indexed again."));
    reindexAll.setId("reindex-all");
    reindexAll.addClickListener(e -> refresh());

    add(new H2("Documents"), options, upload, hint, settingsPanel(), reindexAll, grid);
  }

  /** The company's chunking and grounding settings, folded away until needed. */
  private Details settingsPanel() {
    KnowledgeSettingsDto current = knowledge.settings();
    IntegerField size =
        integer("settings-chunk-size", "Passage size (characters)", current.chunkSize());
    IntegerField overlap =
        integer("settings-chunk-overlap", "Overlap (characters)", current.chunkOverlap());
    IntegerField passages =
        integer("settings-passages", "Passages per answer (0: none)", current.passages());
    NumberField similarity = new NumberField("Least similarity (0–1)");
    similarity.setId("settings-min-similarity");
    similarity.setValue(current.minSimilarity());
    similarity.setStep(0.05);
    Button save =
        new Button(
            "Save settings",
            e ->
                Notices.attempt(
                    () ->
                        knowledge.changeSettings(
                            new KnowledgeSettingsDto(
                                valueOf(size),
                                valueOf(overlap),
                                valueOf(passages),
                                similarity.getValue() == null ? -1 : similarity.getValue())),
                    "Settings saved. New passage sizes apply to documents indexed from now on;"
                        + " “Re-index all” applies them to every document."));
    save.setId("settings-save");
    HorizontalLayout fields = new HorizontalLayout(size, overlap, passages, similarity, save);
    fields.setAlignItems(FlexComponent.Alignment.BASELINE);
    fields.setWrap(true);
    Details details = new Details("Passages and answers", fields);
    details.setId("knowledge-settings");
    return details;
  }

  private static IntegerField integer(String id, String label, int value) {
    IntegerField field = new IntegerField(label);
    field.setId(id);
    field.setValue(value);
    return field;
  }

  private static int valueOf(IntegerField field) {
    return field.getValue() == null ? -1 : field.getValue();
  }

  private void received(com.vaadin.flow.server.streams.UploadMetadata file, byte[] bytes) {
    UploadRequest command =
        new UploadRequest(
            file.fileName(),
            bytes,
            null,
            collection.getValue(),
            split(labels.getValue()),
            split(visibleTo.getValue()));
    UI ui = UI.getCurrent();
    Runnable store =
        () -> {
          Notices.attempt(() -> knowledge.upload(command), file.fileName() + " uploaded");
          refresh();
        };
    if (ui != null) {
      ui.access(store::run);
    } else {
      store.run();
    }
  }

  private Div status(DocumentDto d) {
    Div cell = new Div();
    cell.setId("status-" + d.id());
    cell.getElement().setAttribute("status", d.status());
    Span badge = new Span(label(d));
    badge.getElement().getThemeList().add(theme(d.status()));
    cell.add(badge);
    if ("PROCESSING".equals(d.status()) && d.chunksTotal() != null && d.chunksTotal() > 0) {
      ProgressBar bar = new ProgressBar(0, d.chunksTotal(), d.chunksDone());
      cell.add(bar);
    } else if ("QUEUED".equals(d.status())) {
      ProgressBar bar = new ProgressBar();
      bar.setIndeterminate(true);
      cell.add(bar);
    }
    if (d.error() != null) {
      Span reason = new Span(d.error());
      reason.setId("error-" + d.id());
      reason.addClassName("wenjin-document-error");
      cell.add(reason);
    }
    return cell;
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

  private HorizontalLayout actions(DocumentDto d) {
    Button reindex =
        new Button(
            VaadinIcon.REFRESH.create(),
            e -> {
              Notices.attempt(() -> knowledge.reindex(d.id()), d.title() + " queued again");
              refresh();
            });
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
            e -> {
              Notices.attempt(() -> knowledge.delete(d.id()), d.title() + " deleted");
              refresh();
            });
    dialog.setConfirmButtonTheme("error primary");
    dialog.setCancelable(true);
    dialog.setId("confirm-delete-document");
    dialog.open();
  }

  private void refresh() {
    List<DocumentDto> documents = new ArrayList<>();
    if (!Notices.attempt(() -> documents.addAll(knowledge.documents()), null)) {
      return;
    }
    grid.setItems(documents);
    boolean busy =
        documents.stream()
            .anyMatch(d -> d.status().equals("QUEUED") || d.status().equals("PROCESSING"));
    getUI().ifPresent(ui -> ui.setPollInterval(busy ? POLL_MILLIS : -1));
  }

  @Override
  protected void onAttach(AttachEvent event) {
    super.onAttach(event);
    polling = event.getUI().addPollListener(e -> refresh());
    refresh();
  }

  @Override
  protected void onDetach(DetachEvent event) {
    polling.remove();
    event.getUI().setPollInterval(-1);
    super.onDetach(event);
  }

  private static List<String> split(String value) {
    return value == null || value.isBlank()
        ? List.of()
        : Arrays.stream(value.split(",")).map(String::strip).filter(v -> !v.isEmpty()).toList();
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
}
