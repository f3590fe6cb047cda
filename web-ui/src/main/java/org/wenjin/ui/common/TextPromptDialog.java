package org.wenjin.ui.common;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;

/**
 * Asks for one value (a member's username, a new name); fires {@link SubmitEvent} and lets the view
 * call the server and close it.
 */
public class TextPromptDialog extends Dialog {

  public final TextField value;

  public TextPromptDialog(
      String title, String label, String initial, String action, String idPrefix) {
    setHeaderTitle(title);
    value = new TextField(label);
    value.setId(idPrefix + "-value");
    value.setRequired(true);
    value.setWidthFull();
    value.setValue(initial);
    add(value);
    Button submit = new Button(action, e -> fireEvent(new SubmitEvent(this)));
    submit.setId(idPrefix + "-save");
    submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    getFooter().add(new Button(getTranslation("common.cancel"), e -> close()), submit);
  }

  public Registration onSubmit(ComponentEventListener<SubmitEvent> listener) {
    return addListener(SubmitEvent.class, listener);
  }

  /** The administrator confirmed the value in the dialog. */
  public static class SubmitEvent extends ComponentEvent<TextPromptDialog> {
    SubmitEvent(TextPromptDialog source) {
      super(source, false);
    }
  }
}
