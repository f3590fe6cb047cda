package org.wenjin.ui.layout;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinSession;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import java.util.stream.Collectors;
import org.wenjin.security.Roles;
import org.wenjin.tenancy.interfaces.SessionDto;
import org.wenjin.ui.common.Notices;
import org.wenjin.ui.i18n.Language;
import org.wenjin.ui.i18n.LanguageSwitch;
import org.wenjin.ui.i18n.Tr;
import org.wenjin.ui.security.SignOut;
import org.wenjin.ui.session.CurrentUser;

/** The shell around every view: who is signed in, for which company, and where they may go. */
@PermitAll
public class MainLayout extends AppLayout {

  @Inject private CurrentUser currentUser;

  @Inject private SignOut signOut;

  private SessionDto session;

  @PostConstruct
  void init() {
    session = currentUser.get();
    addToNavbar(new DrawerToggle(), title(), header(session));
    if (session.access() == SessionDto.Access.GRANTED) {
      addToDrawer(navigation(session));
    }
  }

  /** A user without access sees why, whatever page they open. */
  @Override
  public void showRouterLayoutContent(HasElement content) {
    if (session.access() == SessionDto.Access.GRANTED) {
      super.showRouterLayoutContent(content);
    } else {
      setContent(new AccessBlocked(session.access()));
    }
  }

  private static Component title() {
    Span title = new Span("问津 Wenjin");
    title.addClassName("wenjin-title");
    return title;
  }

  private Component header(SessionDto session) {
    Component tenant =
        session.tenants().size() > 1 ? tenantSwitcher(session) : tenantBadge(session);

    Span user = new Span(session.displayName());
    user.setId("user-name");
    user.getElement().setAttribute("title", session.email() == null ? "" : session.email());

    Span roles =
        new Span(
            Roles.ALL.stream()
                .filter(session::hasRole)
                .map(MainLayout::roleLabel)
                .collect(Collectors.joining(" · ")));
    roles.setId("user-roles");
    roles.addClassName("wenjin-roles");

    LanguageSwitch language = new LanguageSwitch(Language.of(getLocale()), this::chooseLanguage);

    Button logout = new Button(getTranslation("shell.sign-out"), VaadinIcon.SIGN_OUT.create());
    logout.setId("logout");
    logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
    logout.addClickListener(e -> signOut.signOut(e.getSource().getUI().orElseThrow()));

    HorizontalLayout header = new HorizontalLayout(tenant, user, roles, language, logout);
    header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
    header.addClassName("wenjin-header");
    return header;
  }

  private static Component tenantBadge(SessionDto session) {
    Span tenant = new Span(tenantLabel(session));
    tenant.setId("tenant-name");
    tenant.getElement().getThemeList().add("badge contrast");
    return tenant;
  }

  /**
   * For a member of several companies: which one they act for. Switching reloads the app from its
   * home page, so no view keeps showing the other company's data.
   */
  private Component tenantSwitcher(SessionDto session) {
    Select<SessionDto.TenantDto> switcher = new Select<>();
    switcher.setId("tenant-switcher");
    switcher.setAriaLabel(getTranslation("shell.company"));
    switcher.setItems(session.tenants());
    switcher.setItemLabelGenerator(SessionDto.TenantDto::displayName);
    switcher.setValue(session.activeTenant());
    switcher.addValueChangeListener(
        e -> {
          if (!e.isFromClient() || e.getValue() == null) {
            return;
          }
          boolean switched =
              Notices.attempt(() -> currentUser.switchTenant(e.getValue().alias()), null);
          if (switched) {
            String home = VaadinService.getCurrentRequest().getContextPath() + "/";
            e.getSource().getUI().ifPresent(ui -> ui.getPage().setLocation(home));
          } else {
            switcher.setValue(e.getOldValue());
          }
        });
    return switcher;
  }

  /**
   * Remembers the choice for the user (every browser, every later sign-in) and draws the app anew
   * in that language; the Keycloak pages follow through {@code ui_locales} at the next sign-in.
   */
  private void chooseLanguage(Language language) {
    boolean saved = Notices.attempt(() -> currentUser.chooseLanguage(language.tag()), null);
    if (saved) {
      VaadinSession.getCurrent().setLocale(language.locale());
      getUI().ifPresent(ui -> ui.getPage().reload());
    }
  }

  private static String roleLabel(String role) {
    return switch (role) {
      case Roles.USER -> Tr.t("shell.role.user");
      case Roles.TENANT_ADMIN -> Tr.t("shell.role.tenant-admin");
      case Roles.PLATFORM_ADMIN -> Tr.t("shell.role.platform-admin");
      case Roles.AUDITOR -> Tr.t("shell.role.auditor");
      default -> role;
    };
  }

  private static String tenantLabel(SessionDto session) {
    if (session.access() == SessionDto.Access.COMPANY_DISABLED) {
      return Tr.t("shell.company-disabled");
    }
    if (session.activeTenant() == null) {
      return session.hasRole(Roles.PLATFORM_ADMIN)
          ? Tr.t("shell.platform")
          : Tr.t("shell.no-company");
    }
    return session.activeTenant().displayName();
  }

  /** Only the entries the user may open; the views enforce the same roles on navigation. */
  private static SideNav navigation(SessionDto session) {
    SideNav nav = new SideNav();
    for (NavigationEntry entry : NavigationEntry.values()) {
      if (entry.visibleTo(session)) {
        SideNavItem item =
            new SideNavItem(Tr.t(entry.labelKey()), entry.view(), entry.icon().create());
        item.setId("nav-" + entry.name().toLowerCase());
        nav.addItem(item);
      }
    }
    return nav;
  }
}
