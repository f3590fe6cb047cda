package org.wenjin.ui.layout;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.icon.VaadinIcon;
import jakarta.annotation.security.RolesAllowed;
import java.util.Arrays;
import org.wenjin.security.CompanyRole;
import org.wenjin.tenancy.interfaces.SessionDto;
import org.wenjin.ui.admin.AdminView;
import org.wenjin.ui.admin.TenantsView;
import org.wenjin.ui.admin.UsageView;
import org.wenjin.ui.apikeys.ApiKeysView;
import org.wenjin.ui.audit.AuditView;
import org.wenjin.ui.chat.ChatView;
import org.wenjin.ui.flows.FlowsView;
import org.wenjin.ui.inference.InferenceView;
import org.wenjin.ui.knowledge.KnowledgeView;

/**
 * The main navigation. Who sees an entry is read from the view's own {@code @RolesAllowed} and
 * {@code @CompanyRole}, so the menu and the access check can never disagree.
 */
enum NavigationEntry {
  CHAT("nav.chat", ChatView.class, VaadinIcon.CHAT),
  KNOWLEDGE("nav.knowledge", KnowledgeView.class, VaadinIcon.BOOK),
  ADMIN("nav.admin", AdminView.class, VaadinIcon.COG),
  FLOWS("nav.flows", FlowsView.class, VaadinIcon.SITEMAP),
  USAGE("nav.usage", UsageView.class, VaadinIcon.BAR_CHART),
  TENANTS("nav.tenants", TenantsView.class, VaadinIcon.BUILDING),
  INFERENCE("nav.inference", InferenceView.class, VaadinIcon.DASHBOARD),
  AUDIT("nav.audit", AuditView.class, VaadinIcon.CLIPBOARD_CHECK),
  API_KEYS("nav.api-keys", ApiKeysView.class, VaadinIcon.KEY);

  private final String labelKey;
  private final Class<? extends Component> view;
  private final VaadinIcon icon;

  NavigationEntry(String labelKey, Class<? extends Component> view, VaadinIcon icon) {
    this.labelKey = labelKey;
    this.view = view;
    this.icon = icon;
  }

  /** The key of the entry's text in the message bundles. */
  String labelKey() {
    return labelKey;
  }

  Class<? extends Component> view() {
    return view;
  }

  VaadinIcon icon() {
    return icon;
  }

  boolean visibleTo(SessionDto session) {
    RolesAllowed allowed = view.getAnnotation(RolesAllowed.class);
    CompanyRole companyRole = view.getAnnotation(CompanyRole.class);
    return allowed != null
        && Arrays.stream(allowed.value()).anyMatch(session::hasRole)
        && (companyRole == null || Arrays.stream(companyRole.value()).anyMatch(session::hasRole));
  }
}
