package org.wenjin.ui.audit;

import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.wenjin.security.CompanyRole;
import org.wenjin.security.Roles;
import org.wenjin.ui.common.ComingNext;
import org.wenjin.ui.layout.MainLayout;

/** Auditors review every conversation and administrative action. */
@Route(value = "audit", layout = MainLayout.class)
@PageTitle("Audit · Wenjin")
@RolesAllowed(Roles.USER)
@CompanyRole(Roles.AUDITOR)
public class AuditView extends ComingNext {

  public AuditView() {
    super("audit-view", "Audit", "Review conversations and administrative actions.");
  }
}
