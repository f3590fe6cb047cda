package org.wenjin.ui.apikeys;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.textfield.TextField;
import org.wenjin.tenancy.interfaces.CreatedApiKeyDto;

/**
 * Shows a key just made, the one time it is shown, with how to use it. The key is in a read-only
 * field to select and copy; nothing here keeps it after the dialog closes.
 */
class NewKeyDialog extends Dialog {

  NewKeyDialog(CreatedApiKeyDto created, String baseUrl) {
    setHeaderTitle("Your new API key");
    setId("api-key-created");
    setWidth("min(46rem, 95vw)");
    TextField secret = new TextField("Key \u201c" + created.key().name() + "\u201d");
    secret.setId("api-key-secret");
    secret.setReadOnly(true);
    secret.setWidthFull();
    secret.setValue(created.secret());
    secret.addFocusListener(e -> secret.getElement().executeJs("this.inputElement.select()"));
    Paragraph warning =
        new Paragraph(
            "Copy it now: Wenjin keeps only a fingerprint of it and cannot show it again. Anyone"
                + " with the key can ask questions as you, in this company; revoke it here if it"
                + " leaks.");
    warning.addClassName("wenjin-hint");
    Pre usage =
        new Pre(
            "curl "
                + baseUrl
                + "/v1/chat/completions \\\n"
                + "  -H 'Authorization: Bearer "
                + created.secret()
                + "' \\\n"
                + "  -H 'Content-Type: application/json' \\\n"
                + "  -d '{\"model\": \"<a model from /v1/models>\", \"messages\":"
                + " [{\"role\": \"user\", \"content\": \"...\"}]}'");
    usage.setId("api-key-usage");
    usage.getStyle().set("white-space", "pre-wrap").set("font-size", "var(--lumo-font-size-s)");
    add(secret, warning, usage);
    Button done = new Button("Done", e -> close());
    done.setId("api-key-done");
    done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    getFooter().add(done);
  }
}
