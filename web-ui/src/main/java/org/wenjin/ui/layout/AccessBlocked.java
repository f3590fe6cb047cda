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
          new H2("Your company's access is disabled"),
          new Paragraph(
              "Wenjin has been disabled for your company. Your conversations and documents are"
                  + " kept. Please contact your company's administrator."));
    } else {
      add(
          new H2("Your account is not assigned to a company"),
          new Paragraph(
              "You signed in successfully, but your account does not belong to any company in"
                  + " Wenjin yet. Ask your company's administrator to add you."));
    }
  }
}
