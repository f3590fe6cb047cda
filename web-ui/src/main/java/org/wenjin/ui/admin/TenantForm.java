package org.wenjin.ui.admin;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;

/**
 * The dialog that creates a tenant. It only collects input and fires {@link SaveEvent}; the view
 * calls the service and closes it (events up, data down). Checks here are hints; the server
 * decides.
 */
class TenantForm extends Dialog {

  final TextField alias = new TextField(getTranslation("admin.tenant-form.alias"));
  final TextField displayName = new TextField(getTranslation("admin.tenant-form.display-name"));
  final TextField emailDomain = new TextField(getTranslation("admin.tenant-form.email-domain"));

  TenantForm() {
    setHeaderTitle(getTranslation("admin.tenants.new"));
    alias.setId("tenant-alias");
    alias.setHelperText(getTranslation("admin.tenant-form.alias.helper"));
    alias.setPattern("[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?");
    alias.setRequired(true);
    alias.setMaxLength(32);
    displayName.setId("tenant-name");
    displayName.setRequired(true);
    displayName.setMaxLength(200);
    emailDomain.setId("tenant-domain");
    emailDomain.setRequired(true);
    emailDomain.setPlaceholder(getTranslation("admin.tenant-form.email-domain.placeholder"));
    add(new FormLayout(alias, displayName, emailDomain));

    Button save =
        new Button(getTranslation("admin.tenant-form.create"), e -> fireEvent(new SaveEvent(this)));
    save.setId("tenant-save");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    Button cancel = new Button(getTranslation("common.cancel"), e -> close());
    getFooter().add(cancel, save);
  }

  Registration onSave(ComponentEventListener<SaveEvent> listener) {
    return addListener(SaveEvent.class, listener);
  }

  /** The administrator asked to create the tenant described by the form. */
  static class SaveEvent extends ComponentEvent<TenantForm> {
    SaveEvent(TenantForm source) {
      super(source, false);
    }
  }
}
