package org.wenjin.ui.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.wenjin.security.Roles;
import org.wenjin.tenancy.interfaces.TenantAdminFacade;
import org.wenjin.tenancy.interfaces.TenantDto;
import org.wenjin.ui.common.Notices;
import org.wenjin.ui.common.TextPromptDialog;
import org.wenjin.ui.layout.MainLayout;

/** Platform admins manage tenants: each one is a Keycloak Organization. */
@Route(value = "admin/tenants", layout = MainLayout.class)
@PageTitle("Tenants · Wenjin")
@RolesAllowed(Roles.PLATFORM_ADMIN)
public class TenantsView extends VerticalLayout {

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

  @Inject private TenantAdminFacade tenants;

  private final Grid<TenantDto> grid = new Grid<>();

  @PostConstruct
  void init() {
    setId("tenants-view");
    setSizeFull();
    Button create = new Button("New tenant", VaadinIcon.PLUS.create(), e -> openForm());
    create.setId("new-tenant");
    create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

    grid.setId("tenants-grid");
    grid.addColumn(TenantDto::alias).setHeader("Alias").setAutoWidth(true);
    grid.addColumn(TenantDto::displayName).setHeader("Name").setFlexGrow(1);
    grid.addColumn(TenantDto::emailDomain).setHeader("E-mail domain").setAutoWidth(true);
    grid.addComponentColumn(this::status).setHeader("Status").setAutoWidth(true);
    grid.addColumn(t -> DATE.format(t.createdAt())).setHeader("Created").setAutoWidth(true);
    grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true);
    grid.setEmptyStateText("No tenants yet. Create the first with “New tenant”.");

    add(new H2("Tenants"), new HorizontalLayout(create), grid);
    refresh();
  }

  private Span status(TenantDto tenant) {
    Span badge = new Span(tenant.enabled() ? "enabled" : "disabled");
    badge.getElement().getThemeList().add(tenant.enabled() ? "badge success" : "badge error");
    return badge;
  }

  private HorizontalLayout actions(TenantDto tenant) {
    Button toggle =
        new Button(
            tenant.enabled() ? "Disable" : "Enable",
            e ->
                run(
                    () -> tenants.setEnabled(tenant.alias(), !tenant.enabled()),
                    (tenant.enabled() ? "Disabled " : "Enabled ") + tenant.alias()));
    toggle.setId("toggle-" + tenant.alias());
    toggle.addThemeVariants(
        ButtonVariant.LUMO_SMALL,
        tenant.enabled() ? ButtonVariant.LUMO_ERROR : ButtonVariant.LUMO_SUCCESS);
    Button addMember = new Button("Add member", e -> openAddMember(tenant));
    addMember.setId("add-member-" + tenant.alias());
    addMember.addThemeVariants(ButtonVariant.LUMO_SMALL);
    Button rename = new Button("Rename", e -> openRename(tenant));
    rename.setId("rename-" + tenant.alias());
    rename.addThemeVariants(ButtonVariant.LUMO_SMALL);
    return new HorizontalLayout(addMember, rename, toggle);
  }

  private void openForm() {
    TenantForm form = new TenantForm();
    form.onSave(
        e -> {
          if (run(
              () ->
                  tenants.create(
                      form.alias.getValue(),
                      form.displayName.getValue(),
                      form.emailDomain.getValue()),
              "Created " + form.alias.getValue())) {
            form.close();
          }
        });
    form.open();
  }

  private void openAddMember(TenantDto tenant) {
    var dialog =
        new TextPromptDialog(
            "Add a member to " + tenant.displayName(), "Username or e-mail", "", "Add", "member");
    dialog.onSubmit(
        e -> {
          String who = dialog.value.getValue();
          if (run(
              () -> tenants.addMember(tenant.alias(), who),
              "Added " + who + " to " + tenant.alias())) {
            dialog.close();
          }
        });
    dialog.open();
  }

  private void openRename(TenantDto tenant) {
    var dialog =
        new TextPromptDialog(
            "Rename " + tenant.alias(), "Display name", tenant.displayName(), "Rename", "rename");
    dialog.onSubmit(
        e -> {
          String name = dialog.value.getValue();
          if (run(() -> tenants.rename(tenant.alias(), name), "Renamed " + tenant.alias())) {
            dialog.close();
          }
        });
    dialog.open();
  }

  /** Calls the server, reports the outcome, refreshes the list; true when it worked. */
  private boolean run(Runnable action, String success) {
    boolean done = Notices.attempt(action, success);
    refresh();
    return done;
  }

  private void refresh() {
    Notices.attempt(() -> grid.setItems(tenants.list()), null);
  }
}
