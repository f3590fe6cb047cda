package org.wenjin.ui.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import org.wenjin.security.Roles;
import org.wenjin.tenancy.interfaces.TenantAdminFacade;
import org.wenjin.tenancy.interfaces.TenantDto;
import org.wenjin.ui.common.Notices;
import org.wenjin.ui.common.TextPromptDialog;
import org.wenjin.ui.i18n.LocalFormats;
import org.wenjin.ui.layout.MainLayout;

/** Platform admins manage tenants: each one is a Keycloak Organization. */
@Route(value = "admin/tenants", layout = MainLayout.class)
@RolesAllowed(Roles.PLATFORM_ADMIN)
public class TenantsView extends VerticalLayout implements HasDynamicTitle {

  @Inject private TenantAdminFacade tenants;

  private final Grid<TenantDto> grid = new Grid<>();

  @PostConstruct
  void init() {
    setId("tenants-view");
    setSizeFull();
    Button create =
        new Button(getTranslation("admin.tenants.new"), VaadinIcon.PLUS.create(), e -> openForm());
    create.setId("new-tenant");
    create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

    grid.setId("tenants-grid");
    grid.addColumn(TenantDto::alias)
        .setHeader(getTranslation("admin.tenants.column.alias"))
        .setAutoWidth(true);
    grid.addColumn(TenantDto::displayName)
        .setHeader(getTranslation("admin.tenants.column.name"))
        .setFlexGrow(1);
    grid.addColumn(TenantDto::emailDomain)
        .setHeader(getTranslation("admin.tenants.column.email-domain"))
        .setAutoWidth(true);
    grid.addComponentColumn(this::status)
        .setHeader(getTranslation("admin.tenants.column.status"))
        .setAutoWidth(true);
    grid.addColumn(t -> LocalFormats.dateTime(t.createdAt()))
        .setHeader(getTranslation("admin.tenants.column.created"))
        .setAutoWidth(true);
    // always in view, however wide the dates of a language are
    grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true).setFrozenToEnd(true);
    grid.setEmptyStateText(getTranslation("admin.tenants.empty"));

    add(new H2(getTranslation("admin.tenants.heading")), new HorizontalLayout(create), grid);
    refresh();
  }

  @Override
  public String getPageTitle() {
    return getTranslation("admin.tenants.page-title");
  }

  private Span status(TenantDto tenant) {
    Span badge =
        new Span(
            tenant.enabled()
                ? getTranslation("admin.tenants.status.enabled")
                : getTranslation("admin.tenants.status.disabled"));
    badge.getElement().getThemeList().add(tenant.enabled() ? "badge success" : "badge error");
    return badge;
  }

  private HorizontalLayout actions(TenantDto tenant) {
    Button toggle =
        new Button(
            tenant.enabled()
                ? getTranslation("admin.tenants.disable")
                : getTranslation("admin.tenants.enable"),
            e ->
                run(
                    () -> tenants.setEnabled(tenant.alias(), !tenant.enabled()),
                    tenant.enabled()
                        ? getTranslation("admin.tenants.disabled", tenant.alias())
                        : getTranslation("admin.tenants.enabled", tenant.alias())));
    toggle.setId("toggle-" + tenant.alias());
    toggle.addThemeVariants(
        ButtonVariant.LUMO_SMALL,
        tenant.enabled() ? ButtonVariant.LUMO_ERROR : ButtonVariant.LUMO_SUCCESS);
    Button addMember =
        new Button(getTranslation("admin.tenants.add-member"), e -> openAddMember(tenant));
    addMember.setId("add-member-" + tenant.alias());
    addMember.addThemeVariants(ButtonVariant.LUMO_SMALL);
    Button rename = new Button(getTranslation("admin.tenants.rename"), e -> openRename(tenant));
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
              getTranslation("admin.tenants.created", form.alias.getValue()))) {
            form.close();
          }
        });
    form.open();
  }

  private void openAddMember(TenantDto tenant) {
    var dialog =
        new TextPromptDialog(
            getTranslation("admin.tenants.add-member.title", tenant.displayName()),
            getTranslation("admin.tenants.add-member.label"),
            "",
            getTranslation("admin.tenants.add-member.action"),
            "member");
    dialog.onSubmit(
        e -> {
          String who = dialog.value.getValue();
          if (run(
              () -> tenants.addMember(tenant.alias(), who),
              getTranslation("admin.tenants.added", who, tenant.alias()))) {
            dialog.close();
          }
        });
    dialog.open();
  }

  private void openRename(TenantDto tenant) {
    var dialog =
        new TextPromptDialog(
            getTranslation("admin.tenants.rename.title", tenant.alias()),
            getTranslation("admin.tenants.rename.label"),
            tenant.displayName(),
            getTranslation("admin.tenants.rename"),
            "rename");
    dialog.onSubmit(
        e -> {
          String name = dialog.value.getValue();
          if (run(
              () -> tenants.rename(tenant.alias(), name),
              getTranslation("admin.tenants.renamed", tenant.alias()))) {
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
