package org.wenjin.ui.admin;

import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.wenjin.security.Roles;
import org.wenjin.ui.common.ComingNext;
import org.wenjin.ui.layout.MainLayout;

/** Tenant administration (members, models) for a company's own admins. */
@Route(value = "admin", layout = MainLayout.class)
@PageTitle("Admin · Wenjin")
@RolesAllowed(Roles.TENANT_ADMIN)
public class AdminView extends ComingNext {

  public AdminView() {
    super("admin-view", "Admin", "Manage your company's members, documents and models.");
  }
}
