package org.wenjin.ui.knowledge;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.wenjin.knowledge.interfaces.DocumentDto;
import org.wenjin.knowledge.interfaces.KnowledgeFacade;
import org.wenjin.knowledge.interfaces.KnowledgeSettingsDto;
import org.wenjin.knowledge.interfaces.UploadRequest;
import org.wenjin.security.CompanyRole;
import org.wenjin.security.Roles;
import org.wenjin.ui.common.Notices;
import org.wenjin.ui.layout.MainLayout;

/**
 * Tenant admins upload documents (many at once) and watch them being indexed; the list refreshes
 * itself while anything is queued or in progress. The forms and the grid fire events; every server
 * call is made here.
 */
@Route(value = "knowledge/documents", layout = MainLayout.class)
@RolesAllowed(Roles.USER)
@CompanyRole(Roles.TENANT_ADMIN)
public class DocumentsView extends VerticalLayout implements HasDynamicTitle {

  /** How often the list refreshes while documents are being indexed. */
  private static final int POLL_MILLIS = 1500;

  @Inject private KnowledgeFacade knowledge;

  private final DocumentGrid grid = new DocumentGrid();
  private Registration polling;

  @PostConstruct
  void init() {
    setId("documents-view");
    setSizeFull();
    UploadForm upload = new UploadForm(knowledge.uploadLimits());
    upload.onUpload(this::store);
    KnowledgeSettingsForm settings = new KnowledgeSettingsForm();
    settings.show(knowledge.settings());
    settings.onSave(this::saveSettings);
    Button reindexAll =
        new Button(
            getTranslation("knowledge.documents.reindex-all"),
            VaadinIcon.REFRESH.create(),
            e -> reindexAll());
    reindexAll.setId("reindex-all");
    grid.onReindex(this::reindex);
    grid.onDelete(this::delete);
    add(new H2(getTranslation("knowledge.documents.heading")), upload, settings, reindexAll, grid);
  }

  @Override
  public String getPageTitle() {
    return getTranslation("knowledge.documents.page-title");
  }

  private void store(UploadRequest file) {
    Notices.attempt(
        () -> knowledge.upload(file),
        getTranslation("knowledge.documents.uploaded", file.fileName()));
    refresh();
  }

  private void saveSettings(KnowledgeSettingsDto changed) {
    Notices.attempt(
        () -> knowledge.changeSettings(changed), getTranslation("knowledge.settings.saved"));
  }

  private void reindexAll() {
    Notices.attempt(
        () -> knowledge.reindexAll(), getTranslation("knowledge.documents.reindex-all.done"));
    refresh();
  }

  private void reindex(DocumentDto d) {
    Notices.attempt(
        () -> knowledge.reindex(d.id()),
        getTranslation("knowledge.documents.reindexed", d.title()));
    refresh();
  }

  private void delete(DocumentDto d) {
    Notices.attempt(
        () -> knowledge.delete(d.id()), getTranslation("knowledge.documents.deleted", d.title()));
    refresh();
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
}
