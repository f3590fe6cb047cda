package org.wenjin.ui.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import org.wenjin.chat.interfaces.ModelSettingsFacade;
import org.wenjin.governance.interfaces.GovernanceFacade;
import org.wenjin.security.CompanyRole;
import org.wenjin.security.Roles;
import org.wenjin.tenancy.interfaces.MemberDto;
import org.wenjin.tenancy.interfaces.TenantMembersFacade;
import org.wenjin.ui.common.Notices;
import org.wenjin.ui.common.TextPromptDialog;
import org.wenjin.ui.layout.MainLayout;

/**
 * A company's own admins: its members, the models it offers, how its assistant speaks, retention
 * and quotas (documents: Knowledge → Manage documents; flows: Flows).
 */
@Route(value = "admin", layout = MainLayout.class)
@RolesAllowed(Roles.USER)
@CompanyRole(Roles.TENANT_ADMIN)
public class AdminView extends VerticalLayout implements HasDynamicTitle {

  @Inject private TenantMembersFacade members;

  @Inject private ModelSettingsFacade modelSettings;

  private final Grid<MemberDto> grid = new Grid<>();
  private final ModelSettingsForm models = new ModelSettingsForm();

  @Inject private GovernanceFacade governance;

  private final PolicyForm policy = new PolicyForm();

  private final VoiceForm voice = new VoiceForm();

  @PostConstruct
  void init() {
    setId("admin-view");
    grid.setId("members-grid");
    grid.addColumn(MemberDto::username)
        .setHeader(getTranslation("admin.members.column.username"))
        .setAutoWidth(true);
    grid.addColumn(MemberDto::displayName)
        .setHeader(getTranslation("admin.members.column.name"))
        .setFlexGrow(1);
    grid.addColumn(MemberDto::email)
        .setHeader(getTranslation("admin.members.column.email"))
        .setAutoWidth(true);
    grid.setEmptyStateText(getTranslation("admin.members.empty"));
    grid.setAllRowsVisible(true); // the page scrolls, so the models below stay reachable
    Button add =
        new Button(getTranslation("admin.members.add"), VaadinIcon.PLUS.create(), e -> openAdd());
    add.setId("add-member");
    add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    add(
        new H2(getTranslation("admin.members.heading")),
        new Paragraph(getTranslation("admin.members.intro")),
        add,
        grid);
    Notices.attempt(() -> grid.setItems(members.members()), null);
    add(models);
    models.onSave(this::saveModels);
    Notices.attempt(() -> models.show(modelSettings.modelSettings()), null);
    add(voice);
    voice.onSave(
        e ->
            Notices.attempt(
                () -> voice.show(modelSettings.changeVoice(e.systemPrompt, e.language)),
                getTranslation("admin.voice.saved")));
    Notices.attempt(() -> voice.show(modelSettings.voice()), null);
    add(policy);
    policy.onSave(
        e -> {
          if (Notices.attempt(
              () -> governance.change(e.policy), getTranslation("admin.policy.saved"))) {
            showPolicy();
          }
        });
    policy.onPurge(
        e ->
            Notices.attempt(
                () -> {
                  var report = governance.purgeNow();
                  Notices.show(
                      getTranslation(
                          "admin.policy.purged", report.conversations(), report.auditEvents()),
                      com.vaadin.flow.component.notification.NotificationVariant.LUMO_SUCCESS);
                },
                null));
    showPolicy();
  }

  @Override
  public String getPageTitle() {
    return getTranslation("admin.page-title");
  }

  private void showPolicy() {
    Notices.attempt(
        () -> policy.show(governance.policy(), governance.bounds(), governance.today()), null);
  }

  private void saveModels(ModelSettingsForm.SaveEvent e) {
    Notices.attempt(
        () ->
            models.show(
                modelSettings.changeModelSettings(e.offered, e.preselected, e.historyTurns)),
        getTranslation("admin.models.saved"));
  }

  private void openAdd() {
    var dialog =
        new TextPromptDialog(
            getTranslation("admin.members.add.title"),
            getTranslation("admin.members.add.label"),
            "",
            getTranslation("admin.members.add.action"),
            "member");
    dialog.onSubmit(
        e -> {
          String who = dialog.value.getValue();
          if (Notices.attempt(
              () -> members.addMember(who), getTranslation("admin.members.added", who))) {
            dialog.close();
            Notices.attempt(() -> grid.setItems(members.members()), null);
          }
        });
    dialog.open();
  }
}
