package org.wenjin.ui.common;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.dom.Element;
import org.wenjin.ui.i18n.Tr;

/**
 * A button that copies text to the user's clipboard. The copy happens in the browser, inside the
 * click itself: Safari lets a page write the clipboard only there, not after a round trip to the
 * server. The asynchronous Clipboard API exists only in a secure context (HTTPS, or localhost); a
 * company's LAN address over plain HTTP has none, so the browser's older copy command over a hidden
 * text area does it there. The server hears how it went and says so.
 */
public final class Clipboard {

  private static final String TEXT = "wenjinCopyText";

  /** Copies {@code this[TEXT]} on every click, then fires {@code wenjin-copied} with the result. */
  private static final String COPY_ON_CLICK =
      """
      this.addEventListener('click', () => {
        const text = this.wenjinCopyText || '';
        const said = ok => this.dispatchEvent(new CustomEvent('wenjin-copied', {detail: {ok}}));
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(text).then(() => said(true), () => said(false));
          return;
        }
        const area = document.createElement('textarea');
        area.value = text;
        area.setAttribute('readonly', '');
        area.style.position = 'fixed';
        area.style.opacity = '0';
        document.body.appendChild(area);
        area.select();
        let copied = false;
        try { copied = document.execCommand('copy'); } catch (e) { copied = false; }
        area.remove();
        said(copied);
      });
      """;

  private Clipboard() {}

  /** Makes {@code button} copy {@code text} when clicked, and say whether it worked. */
  public static void copyOnClick(Component button, String text) {
    Element element = button.getElement();
    element.setProperty(TEXT, text == null ? "" : text);
    // on every attach: a detached component's element is made anew when it comes back
    button.addAttachListener(e -> element.executeJs(COPY_ON_CLICK));
    String copied = Tr.t("common.copied");
    String failed = Tr.t("common.copy-failed");
    element
        .addEventListener(
            "wenjin-copied",
            e -> {
              boolean ok = e.getEventData().getBoolean("event.detail.ok");
              Notices.show(
                  ok ? copied : failed,
                  ok ? NotificationVariant.LUMO_SUCCESS : NotificationVariant.LUMO_ERROR);
            })
        .addEventData("event.detail.ok");
  }
}
