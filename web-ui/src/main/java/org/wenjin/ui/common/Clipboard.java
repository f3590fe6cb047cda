package org.wenjin.ui.common;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.notification.NotificationVariant;
import org.wenjin.ui.i18n.Tr;

/**
 * Copies text to the user's clipboard from the browser. The asynchronous Clipboard API exists only
 * in a secure context (HTTPS, or localhost); a company's LAN address over plain HTTP has none, so
 * the browser's older copy command over a hidden text area does it there.
 */
public final class Clipboard {

  /** Resolves to whether the text was copied. */
  static final String COPY =
      """
      const text = $0;
      if (navigator.clipboard && window.isSecureContext) {
        return navigator.clipboard.writeText(text).then(() => true, () => false);
      }
      const area = document.createElement('textarea');
      area.value = text;
      area.setAttribute('readonly', '');
      area.style.position = 'fixed';
      area.style.opacity = '0';
      document.body.appendChild(area);
      area.select();
      const copied = document.execCommand('copy');
      area.remove();
      return copied;
      """;

  private Clipboard() {}

  /** Copies {@code text} and says whether it worked. */
  public static void copy(Component from, String text) {
    String copied = Tr.t("common.copied");
    String failed = Tr.t("common.copy-failed");
    from.getElement()
        .executeJs(COPY, text == null ? "" : text)
        .then(
            Boolean.class,
            ok ->
                Notices.show(
                    Boolean.TRUE.equals(ok) ? copied : failed,
                    Boolean.TRUE.equals(ok)
                        ? NotificationVariant.LUMO_SUCCESS
                        : NotificationVariant.LUMO_ERROR),
            error -> Notices.show(failed, NotificationVariant.LUMO_ERROR));
  }
}
