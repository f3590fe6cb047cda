package org.wenjin.ui.session;

import com.vaadin.cdi.annotation.VaadinSessionScoped;
import jakarta.inject.Inject;
import java.io.Serializable;
import org.wenjin.tenancy.interfaces.SessionDto;
import org.wenjin.tenancy.interfaces.SessionFacade;

/**
 * The signed-in user of this browser session. Signs in once per session (which provisions the user
 * on the server) and keeps the answer, so views do not ask the server again on every navigation.
 */
@VaadinSessionScoped
public class CurrentUser implements Serializable {

  @Inject private transient SessionFacade sessionFacade;

  private SessionDto session;

  public SessionDto get() {
    if (session == null) {
      session = sessionFacade.signIn();
    }
    return session;
  }

  /** Acts for another of the user's companies from now on (every view must be built anew). */
  public SessionDto switchTenant(String alias) {
    session = sessionFacade.switchTenant(alias);
    return session;
  }

  /** Remembers the user's language on the server (every view must be built anew). */
  public SessionDto chooseLanguage(String languageTag) {
    session = sessionFacade.chooseLanguage(languageTag);
    return session;
  }
}
