package org.wenjin.ui.audit;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.time.ZoneOffset;
import org.wenjin.audit.domain.AuditQuery;
import org.wenjin.audit.domain.ChainReport;
import org.wenjin.audit.interfaces.AuditEventDto;
import org.wenjin.audit.interfaces.AuditFacade;
import org.wenjin.security.CompanyRole;
import org.wenjin.security.Roles;
import org.wenjin.ui.common.Notices;
import org.wenjin.ui.i18n.LocalFormats;
import org.wenjin.ui.i18n.Tr;
import org.wenjin.ui.layout.MainLayout;

/**
 * The auditor's workspace for the company they act for: every exchange and administrative action,
 * newest first, filtered ({@link AuditFilters}), a page at a time from the database; one opened in
 * {@link AuditEventDialog}; the filtered events exported ({@link AuditDownloads}); the company's
 * hash chain verified.
 */
@Route(value = "audit", layout = MainLayout.class)
@RolesAllowed(Roles.USER)
@CompanyRole(Roles.AUDITOR)
public class AuditView extends VerticalLayout implements HasDynamicTitle {

  @Inject private AuditFacade audit;

  private final Grid<AuditEventDto> grid = new Grid<>();
  private final Span total = new Span();
  private final Span verdict = new Span();
  private AuditFilters filters;
  private volatile AuditQuery query = AuditQuery.all();

  @PostConstruct
  void init() {
    setId("audit-view");
    setSizeFull();
    filters = new AuditFilters(ZoneOffset.UTC);
    filters.onChange(
        q -> {
          query = q;
          grid.getDataProvider().refreshAll();
        });
    grid.setId("audit-grid");
    grid.addColumn(e -> LocalFormats.preciseDateTime(e.at()))
        .setHeader(getTranslation("audit.column.time"))
        .setWidth("15rem")
        .setFlexGrow(0);
    grid.addColumn(e -> typeLabel(e.type()))
        .setHeader(getTranslation("audit.column.event"))
        .setWidth("10rem")
        .setFlexGrow(0)
        .setTooltipGenerator(AuditEventDto::type);
    grid.addColumn(AuditEventDto::user)
        .setHeader(getTranslation("audit.column.user"))
        .setWidth("8rem")
        .setFlexGrow(0);
    grid.addColumn(AuditView::subject)
        .setHeader(getTranslation("audit.column.subject"))
        .setFlexGrow(1)
        .setWidth("12rem")
        .setTooltipGenerator(AuditView::subject);
    grid.addColumn(AuditEventDto::model)
        .setHeader(getTranslation("audit.column.model"))
        .setWidth("8rem")
        .setFlexGrow(0);
    grid.addColumn(e -> status(e.status()))
        .setHeader(getTranslation("audit.column.status"))
        .setWidth("7.5rem")
        .setFlexGrow(0);
    grid.addColumn(e -> e.passages().isEmpty() ? "" : LocalFormats.number(e.documentIds().size()))
        .setHeader(getTranslation("audit.column.documents"))
        .setWidth("7rem")
        .setFlexGrow(0);
    grid.getColumns().forEach(c -> c.setResizable(true));
    grid.setEmptyStateText(getTranslation("audit.empty"));
    grid.setItems(
        page -> audit.page(query, page.getOffset(), page.getLimit()).stream(), page -> count());
    grid.addItemClickListener(e -> open(e.getItem().id()));
    total.setId("audit-total");
    verdict.setId("audit-verify-result");
    add(new H2(getTranslation("audit.heading")), filters, toolbar(), grid);
  }

  @Override
  public String getPageTitle() {
    return getTranslation("audit.page-title");
  }

  private HorizontalLayout toolbar() {
    Button verify =
        new Button(getTranslation("audit.verify"), VaadinIcon.SHIELD.create(), e -> verify());
    verify.setId("audit-verify");
    Anchor csv = AuditDownloads.link(audit, () -> query, "csv", getTranslation("audit.export.csv"));
    csv.setId("audit-export-csv");
    Anchor jsonl =
        AuditDownloads.link(audit, () -> query, "jsonl", getTranslation("audit.export.jsonl"));
    jsonl.setId("audit-export-jsonl");
    HorizontalLayout bar = new HorizontalLayout(total, verify, verdict, csv, jsonl);
    bar.setAlignItems(FlexComponent.Alignment.BASELINE);
    return bar;
  }

  private int count() {
    long n = audit.count(query);
    total.setText(getTranslation("audit.total", n));
    return (int) Math.min(Integer.MAX_VALUE, n);
  }

  private void verify() {
    Notices.attempt(
        () -> {
          ChainReport report = audit.verify();
          verdict.setText(
              report.intact()
                  ? getTranslation("audit.verify.intact", report.events())
                  : report.firstBrokenEvent() == null
                      ? getTranslation(
                          "audit.verify.broken-at-end", report.firstBrokenSeq(), report.reason())
                      : getTranslation(
                          "audit.verify.broken-at-event",
                          report.firstBrokenEvent(),
                          report.firstBrokenSeq(),
                          report.reason()));
          verdict.getElement().getThemeList().clear();
          verdict
              .getElement()
              .getThemeList()
              .add(report.intact() ? "badge success" : "badge error");
        },
        null);
  }

  private void open(long eventId) {
    Notices.attempt(() -> new AuditEventDialog(audit.event(eventId)).open(), null);
  }

  private static String subject(AuditEventDto e) {
    if (e.question() != null) {
      return e.question();
    }
    return e.detail() == null ? "" : e.detail();
  }

  static String typeLabel(String type) {
    return switch (type) {
      case "exchange" -> Tr.t("audit.type.exchange");
      case "feedback" -> Tr.t("audit.type.feedback");
      case "conversation.deleted" -> Tr.t("audit.type.conversation.deleted");
      case "document.uploaded" -> Tr.t("audit.type.document.uploaded");
      case "document.deleted" -> Tr.t("audit.type.document.deleted");
      case "document.reindexed" -> Tr.t("audit.type.document.reindexed");
      case "document.reindexed-all" -> Tr.t("audit.type.document.reindexed-all");
      case "settings.knowledge-changed" -> Tr.t("audit.type.settings.knowledge-changed");
      case "settings.chat-changed" -> Tr.t("audit.type.settings.chat-changed");
      case "company.switched" -> Tr.t("audit.type.company.switched");
      case "settings.policy-changed" -> Tr.t("audit.type.settings.policy-changed");
      case "retention.purged" -> Tr.t("audit.type.retention.purged");
      case "tenant.created" -> Tr.t("audit.type.tenant.created");
      case "tenant.renamed" -> Tr.t("audit.type.tenant.renamed");
      case "tenant.enabled" -> Tr.t("audit.type.tenant.enabled");
      case "tenant.disabled" -> Tr.t("audit.type.tenant.disabled");
      case "tenant.member-added" -> Tr.t("audit.type.tenant.member-added");
      case "settings.voice-changed" -> Tr.t("audit.type.settings.voice-changed");
      case "flow.saved" -> Tr.t("audit.type.flow.saved");
      case "flow.offered" -> Tr.t("audit.type.flow.offered");
      case "flow.deleted" -> Tr.t("audit.type.flow.deleted");
      case "flow.reset" -> Tr.t("audit.type.flow.reset");
      case "flow.dry-run" -> Tr.t("audit.type.flow.dry-run");
      case "apikey.created" -> Tr.t("audit.type.apikey.created");
      case "apikey.revoked" -> Tr.t("audit.type.apikey.revoked");
      case "apikey.revoked-by-admin" -> Tr.t("audit.type.apikey.revoked-by-admin");
      case "api.embeddings" -> Tr.t("audit.type.api.embeddings");
      default -> type;
    };
  }

  /** How an exchange ended, in the reader's words (the export keeps the raw value). */
  static String status(String status) {
    if (status == null) {
      return "";
    }
    return switch (status) {
      case "COMPLETE" -> Tr.t("audit.status.complete");
      case "STOPPED" -> Tr.t("audit.status.stopped");
      case "FAILED" -> Tr.t("audit.status.failed");
      case "INTERRUPTED" -> Tr.t("audit.status.interrupted");
      default -> status;
    };
  }
}
