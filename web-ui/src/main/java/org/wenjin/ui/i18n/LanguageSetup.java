package org.wenjin.ui.i18n;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinSession;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.wenjin.ui.session.CurrentUser;

/**
 * Every new page speaks the language the user chose, remembered on the server for them; until they
 * choose, Vaadin has already taken the best match of the browser's {@code Accept-Language}.
 */
public class LanguageSetup {

  private static final Logger LOG = Logger.getLogger(LanguageSetup.class.getName());

  @Inject Instance<CurrentUser> currentUser;

  void install(@Observes ServiceInitEvent event) {
    event
        .getSource()
        .addUIInitListener(
            e -> {
              Locale chosen = chosenLocale();
              if (chosen == null) {
                // not chosen yet: the browser's most preferred language (Vaadin's own match
                // prefers any exact match, so "en-US, zh-CN;q=0.9" would read Chinese)
                VaadinRequest request = VaadinRequest.getCurrent();
                chosen = Language.of(request == null ? null : request.getLocale()).locale();
              }
              VaadinSession.getCurrent().setLocale(chosen);
              e.getUI().setLocale(chosen);
              // what the page says when the server cannot be reached, in its language too
              Locale locale = e.getUI().getLocale();
              var reconnect = e.getUI().getReconnectDialogConfiguration();
              reconnect.setDialogText(Messages.format("shell.reconnecting", locale));
              reconnect.setDialogTextGaveUp(Messages.format("shell.reconnect-gave-up", locale));
            });
  }

  private Locale chosenLocale() {
    try {
      String tag = currentUser.get().get().language();
      return tag == null ? null : Language.ofTag(tag).map(Language::locale).orElse(null);
    } catch (RuntimeException e) {
      // the view says what is wrong with the session (Keycloak or the database down); the
      // browser's language is good enough to say it in
      LOG.log(Level.FINE, "the user's language could not be read", e);
      return null;
    }
  }
}
