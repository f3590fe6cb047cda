package org.wenjin.ui.common;

import com.vaadin.flow.component.UI;
import org.wenjin.ui.i18n.Tr;

/**
 * A "Copy" button on every code block of a message, added in the browser: the message list renders
 * its Markdown there (and again as an answer streams), so the blocks only exist on the client. The
 * button is the page's own element with a text label, and copies the block's text, never markup.
 */
public final class CodeBlockCopy {

  private static final String INSTALL =
      """
      if (window.wenjinCodeCopy) return;
      window.wenjinCodeCopy = true;
      const label = $0, done = $1;
      const copy = text => navigator.clipboard && window.isSecureContext
          ? navigator.clipboard.writeText(text)
          : new Promise((resolve, reject) => {
              const area = document.createElement('textarea');
              area.value = text;
              area.style.position = 'fixed';
              area.style.opacity = '0';
              document.body.appendChild(area);
              area.select();
              const ok = document.execCommand('copy');
              area.remove();
              ok ? resolve() : reject();
            });
      const equip = () => document.querySelectorAll('vaadin-message pre:not([data-copy])')
          .forEach(pre => {
            pre.dataset.copy = '';
            const button = document.createElement('button');
            button.type = 'button';
            button.className = 'wenjin-code-copy';
            button.textContent = label;
            button.addEventListener('click', () => {
              const code = pre.querySelector('code');
              copy((code || pre).textContent).then(() => {
                button.textContent = done;
                setTimeout(() => button.textContent = label, 1500);
              });
            });
            pre.prepend(button);
          });
      new MutationObserver(equip).observe(document.body, {childList: true, subtree: true});
      equip();
      """;

  private CodeBlockCopy() {}

  /** Equips the code blocks of the page's messages, now and as they appear. */
  public static void install(UI ui) {
    ui.getPage().executeJs(INSTALL, Tr.t("common.copy-code"), Tr.t("common.copied"));
  }
}
