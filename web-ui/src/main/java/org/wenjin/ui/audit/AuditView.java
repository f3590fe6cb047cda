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
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.wenjin.audit.domain.AuditQuery;
import org.wenjin.audit.domain.ChainReport;
import org.wenjin.audit.interfaces.AuditEventDto;
import org.wenjin.audit.interfaces.AuditFacade;
import org.wenjin.security.CompanyRole;
import org.wenjin.security.Roles;
import org.wenjin.ui.common.Notices;
import org.wenjin.ui.layout.MainLayout;

/**
 * The auditor's workspace for the company they act for: every exchange and administrative action,
 * newest first, filtered ({@link AuditFilters}), a page at a time from the database; one opened in
 * {@link AuditEventDialog}; the filtered events exported ({@link AuditDownloads}); the company's
 * hash chain verified.
 */
@Route(value = "audit", layout = MainLayout.class)
@PageTitle("Audit · Wenjin")
@RolesAllowed(Roles.USER)
@CompanyRole(Roles.AUDITOR)
public class AuditView extends VerticalLayout {

  static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

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
    grid.addColumn(e -> TIME.format(e.at()))
        .setHeader("Time (UTC)")
        .setWidth("13rem")
        .setFlexGrow(0);
    grid.addColumn(e -> typeLabel(e.type())).setHeader("Event").setWidth("10rem").setFlexGrow(0);
    grid.addColumn(AuditEventDto::user).setHeader("User").setWidth("8rem").setFlexGrow(0);
    grid.addColumn(AuditView::subject)
        .setHeader("Question or subject")
        .setFlexGrow(1)
        .setWidth("12rem")
        .setTooltipGenerator(AuditView::subject);
    grid.addColumn(AuditEventDto::model).setHeader("Model").setWidth("8rem").setFlexGrow(0);
    grid.addColumn(AuditEventDto::status).setHeader("Status").setWidth("7.5rem").setFlexGrow(0);
    grid.addColumn(e -> e.passages().isEmpty() ? "" : e.documentIds().size())
        .setHeader("Documents")
        .setWidth("7rem")
        .setFlexGrow(0);
    grid.getColumns().forEach(c -> c.setResizable(true));
    grid.setEmptyStateText(
        "No events match. Exchanges and admin actions appear here as they happen.");
    grid.setItems(
        page -> audit.page(query, page.getOffset(), page.getLimit()).stream(), page -> count());
    grid.addItemClickListener(e -> open(e.getItem().id()));
    total.setId("audit-total");
    verdict.setId("audit-verify-result");
    add(new H2("Audit"), filters, toolbar(), grid);
  }

  private HorizontalLayout toolbar() {
    Button verify = new Button("Verify the record", VaadinIcon.SHIELD.create(), e -> verify());
    verify.setId("audit-verify");
    Anchor csv = AuditDownloads.link(audit, () -> query, "csv", "Export CSV");
    csv.setId("audit-export-csv");
    Anchor jsonl = AuditDownloads.link(audit, () -> query, "jsonl", "Export JSON Lines");
    jsonl.setId("audit-export-jsonl");
    HorizontalLayout bar = new HorizontalLayout(total, verify, verdict, csv, jsonl);
    bar.setAlignItems(FlexComponent.Alignment.BASELINE);
    return bar;
  }

  private int count() {
    long n = audit.count(query);
    total.setText(n == 1 ? "1 event" : n + " events");
    return (int) Math.min(Integer.MAX_VALUE, n);
  }

  private void verify() {
    Notices.attempt(
        () -> {
          ChainReport report = audit.verify();
          verdict.setText(
              report.intact()
                  ? "Intact: all " + report.events() + " events match their hashes."
                  : "Broken at "
                      + (report.firstBrokenEvent() == null
                          ? "the end"
                          : "event " + report.firstBrokenEvent())
                      + " (#"
                      + report.firstBrokenSeq()
                      + "): "
                      + report.reason()
                      + ".");
          verdict.getElement().getThemeList().clear();
          verdict
              .getElement()
              .getThemeList()
              .add(report.intact() ? "badge success" : "badge error");
        },
        null);
  }

  private void open(long eventId) {
    Notices.attempt(() -> new AuditEventDialog(audit.event(eventId), TIME).open(), null);
  }

  private static String subject(AuditEventDto e) {
    if (e.question() != null) {
      return e.question();
    }
    return e.detail() == null ? "" : e.detail();
  }

  static String typeLabel(String type) {
    return switch (type) {
      case "exchange" -> "Question";
      case "feedback" -> "Feedback";
      case "conversation.deleted" -> "Conversation deleted";
      case "document.uploaded" -> "Document uploaded";
      case "document.deleted" -> "Document deleted";
      case "document.reindexed" -> "Document re-indexed";
      case "document.reindexed-all" -> "All documents re-indexed";
      case "settings.knowledge-changed" -> "Knowledge settings changed";
      case "settings.chat-changed" -> "Model settings changed";
      case "company.switched" -> "Company switched";
      case "settings.policy-changed" -> "Retention and quotas changed";
      case "retention.purged" -> "Retention purge";
      case "tenant.created" -> "Company created";
      case "tenant.renamed" -> "Company renamed";
      case "tenant.enabled" -> "Company enabled";
      case "tenant.disabled" -> "Company disabled";
      case "tenant.member-added" -> "Member added";
      default -> type;
    };
  }
}
