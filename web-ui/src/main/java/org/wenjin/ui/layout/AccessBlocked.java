package org.wenjin.ui.layout;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import org.wenjin.tenancy.interfaces.SessionDto;

/** Why a signed-in user cannot use the app, in words they can act on. */
class AccessBlocked extends VerticalLayout {

  AccessBlocked(SessionDto.Access access) {
    setId("access-blocked");
    if (access == SessionDto.Access.COMPANY_DISABLED) {
      add(
          new H2(getTranslation("shell.access-blocked.disabled.title")),
          new Paragraph(getTranslation("shell.access-blocked.disabled.text")));
    } else {
      add(
          new H2(getTranslation("shell.access-blocked.no-company.title")),
          new Paragraph(getTranslation("shell.access-blocked.no-company.text")));
    }
  }
}
