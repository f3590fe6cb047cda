package org.wenjin.ui.knowledge;

import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.wenjin.security.Roles;
import org.wenjin.ui.common.ComingNext;
import org.wenjin.ui.layout.MainLayout;

/** Search the company's knowledge base; tenant admins upload and manage documents here. */
@Route(value = "knowledge", layout = MainLayout.class)
@PageTitle("Knowledge · Wenjin")
@RolesAllowed({Roles.USER, Roles.TENANT_ADMIN})
public class KnowledgeView extends ComingNext {

  public KnowledgeView() {
    super(
        "knowledge-view",
        "Knowledge",
        "Search your company's documents; tenant admins upload and manage them here.");
  }
}
