package org.wenjin.ui.admin;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import org.wenjin.tenancy.interfaces.TenantDto;

/** Adds an existing Keycloak user to a tenant; fires {@link AddEvent}, the view does the rest. */
class MemberDialog extends Dialog {

  final TextField username = new TextField("Username or e-mail");

  MemberDialog(TenantDto tenant) {
    setHeaderTitle("Add a member to " + tenant.displayName());
    username.setId("member-username");
    username.setRequired(true);
    add(username);
    Button add = new Button("Add", e -> fireEvent(new AddEvent(this)));
    add.setId("member-save");
    add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    getFooter().add(new Button("Cancel", e -> close()), add);
  }

  Registration onAdd(ComponentEventListener<AddEvent> listener) {
    return addListener(AddEvent.class, listener);
  }

  /** The administrator asked to add the user named in the dialog. */
  static class AddEvent extends ComponentEvent<MemberDialog> {
    AddEvent(MemberDialog source) {
      super(source, false);
    }
  }
}
