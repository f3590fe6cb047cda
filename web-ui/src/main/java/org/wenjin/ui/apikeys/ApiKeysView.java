package org.wenjin.ui.apikeys;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import org.wenjin.security.Roles;
import org.wenjin.tenancy.interfaces.ApiKeyDto;
import org.wenjin.tenancy.interfaces.ApiKeyFacade;
import org.wenjin.tenancy.interfaces.CompanyApiKeysFacade;
import org.wenjin.ui.common.Notices;
import org.wenjin.ui.common.TextPromptDialog;
import org.wenjin.ui.layout.MainLayout;
import org.wenjin.ui.session.CurrentUser;

/**
 * Personal API keys for the OpenAI-compatible API ({@code /v1}): the user's own in the company they
 * act for (create, see, revoke) and, for its tenant admins, everyone's in the company (revoke one
 * that leaked). A new key is shown once ({@link NewKeyDialog}).
 */
@Route(value = "api-keys", layout = MainLayout.class)
@RolesAllowed(Roles.USER)
public class ApiKeysView extends VerticalLayout implements HasDynamicTitle {

  @Inject private ApiKeyFacade keys;

  @Inject private CompanyApiKeysFacade companyKeys;

  @Inject private CurrentUser user;

  private final ApiKeyGrid mine =
      new ApiKeyGrid("api-keys-mine", false, getTranslation("apikeys.mine.empty"));

  private final ApiKeyGrid company =
      new ApiKeyGrid("api-keys-company", true, getTranslation("apikeys.company.empty"));

  @PostConstruct
  void init() {
    setId("api-keys-view");
    Button create =
        new Button(getTranslation("apikeys.new"), VaadinIcon.PLUS.create(), e -> askName());
    create.setId("api-key-new");
    create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    HorizontalLayout header =
        new HorizontalLayout(new H2(getTranslation("apikeys.heading")), create);
    header.setAlignItems(FlexComponent.Alignment.BASELINE);
    add(header, hint(getTranslation("apikeys.hint", baseUrl(), companyName())), mine);
    mine.onRevoke(e -> confirmRevoke(e.key, false));
    if (user.get().hasRole(Roles.TENANT_ADMIN)) {
      company.onRevoke(e -> confirmRevoke(e.key, true));
      add(
          new H3(getTranslation("apikeys.company.heading")),
          hint(getTranslation("apikeys.company.hint")),
          company);
    }
    refresh();
  }

  @Override
  public String getPageTitle() {
    return getTranslation("apikeys.page-title");
  }

  private void askName() {
    TextPromptDialog dialog =
        new TextPromptDialog(
            getTranslation("apikeys.new.title"),
            getTranslation("apikeys.new.name"),
            "",
            getTranslation("apikeys.new.create"),
            "api-key-name");
    dialog.value.setPlaceholder(getTranslation("apikeys.new.placeholder"));
    dialog.value.setMaxLength(100);
    dialog.onSubmit(
        e ->
            Notices.attempt(
                () -> {
                  var created = keys.create(dialog.value.getValue());
                  dialog.close();
                  refresh();
                  new NewKeyDialog(created, baseUrl()).open();
                },
                null));
    dialog.open();
  }

  private void confirmRevoke(ApiKeyDto key, boolean asAdmin) {
    ConfirmDialog confirm =
        new ConfirmDialog(
            getTranslation("apikeys.revoke.title"),
            getTranslation("apikeys.revoke.text", key.name(), key.shown()),
            getTranslation("apikeys.revoke"),
            e ->
                Notices.attempt(
                    () -> {
                      if (asAdmin) {
                        companyKeys.revoke(key.id());
                      } else {
                        keys.revoke(key.id());
                      }
                      refresh();
                    },
                    getTranslation("apikeys.revoke.done")));
    confirm.setConfirmButtonTheme("error primary");
    confirm.setCancelable(true);
    confirm.setCancelText(getTranslation("common.cancel"));
    confirm.setId("confirm-revoke");
    confirm.open();
  }

  private void refresh() {
    Notices.attempt(
        () -> {
          mine.show(keys.mine());
          if (user.get().hasRole(Roles.TENANT_ADMIN)) {
            company.show(companyKeys.keys());
          }
        },
        null);
  }

  /** The address the browser used, which is what a tool on the same network can reach. */
  private static String baseUrl() {
    var request = VaadinServletRequest.getCurrent();
    if (request == null) {
      return "";
    }
    var http = request.getHttpServletRequest();
    String url = http.getRequestURL().toString();
    return url.substring(0, url.length() - http.getRequestURI().length()) + http.getContextPath();
  }

  private String companyName() {
    var tenant = user.get().activeTenant();
    return tenant == null ? getTranslation("apikeys.your-company") : tenant.displayName();
  }

  private static Paragraph hint(String text) {
    Paragraph hint = new Paragraph(text);
    hint.addClassName("wenjin-hint");
    return hint;
  }
}
