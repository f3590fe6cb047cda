package org.wenjin.ui.apikeys;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.textfield.TextField;
import org.wenjin.tenancy.interfaces.CreatedApiKeyDto;
import org.wenjin.ui.i18n.Tr;

/**
 * Shows a key just made, the one time it is shown, with how to use it. The key is in a read-only
 * field to select and copy; nothing here keeps it after the dialog closes.
 */
class NewKeyDialog extends Dialog {

  NewKeyDialog(CreatedApiKeyDto created, String baseUrl) {
    setHeaderTitle(getTranslation("apikeys.created.title"));
    setId("api-key-created");
    setWidth("min(46rem, 95vw)");
    TextField secret = new TextField(getTranslation("apikeys.created.key", created.key().name()));
    secret.setId("api-key-secret");
    secret.setReadOnly(true);
    secret.setWidthFull();
    secret.setValue(created.secret());
    secret.addFocusListener(e -> secret.getElement().executeJs("this.inputElement.select()"));
    Paragraph warning = new Paragraph(getTranslation("apikeys.created.warning"));
    warning.addClassName("wenjin-hint");
    Pre usage = new Pre(curl(baseUrl, created.secret()));
    usage.setId("api-key-usage");
    usage.getStyle().set("white-space", "pre-wrap").set("font-size", "var(--lumo-font-size-s)");
    add(secret, warning, usage);
    Button done = new Button(getTranslation("apikeys.created.done"), e -> close());
    done.setId("api-key-done");
    done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    getFooter().add(done);
  }

  /** A shell command that asks with the key: code, only the model's placeholder is words. */
  private static String curl(String baseUrl, String secret) {
    return "curl "
        + baseUrl
        + "/v1/chat/completions \\\n"
        + "  -H 'Authorization: Bearer "
        + secret
        + "' \\\n"
        + "  -H 'Content-Type: application/json' \\\n"
        + "  -d '{\"model\": \""
        + Tr.t("apikeys.created.model-placeholder")
        + "\", \"messages\":"
        + " [{\"role\": \"user\", \"content\": \"...\"}]}'";
  }
}
