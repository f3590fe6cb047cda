package org.wenjin.ui.security;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;
import org.wenjin.ui.layout.MainLayout;

/** Shown, inside the shell, when a signed-in user opens a page their roles do not allow. */
@PermitAll
@ParentLayout(MainLayout.class)
public class AccessDeniedView extends VerticalLayout
    implements HasErrorParameter<AccessDeniedException> {

  public AccessDeniedView() {
    setId("access-denied");
    add(
        new H2(getTranslation("shell.access-denied.title")),
        new Paragraph(getTranslation("shell.access-denied.text")));
  }

  @Override
  public int setErrorParameter(
      BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
    return HttpServletResponse.SC_FORBIDDEN;
  }
}
