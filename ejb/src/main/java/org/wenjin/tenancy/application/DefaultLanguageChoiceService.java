package org.wenjin.tenancy.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.wenjin.tenancy.domain.IdentityProviderException;
import org.wenjin.tenancy.domain.OrganizationDirectory;

/**
 * The app's own record decides (every page reads it); Keycloak's copy only serves its account
 * pages, required actions and e-mails, so Keycloak being down does not refuse the choice.
 */
@Stateless
public class DefaultLanguageChoiceService implements LanguageChoiceService {

  private static final Logger LOG = Logger.getLogger(DefaultLanguageChoiceService.class.getName());

  private final OrganizationDirectory directory;

  @Inject
  public DefaultLanguageChoiceService(OrganizationDirectory directory) {
    this.directory = directory;
  }

  /** For the EJB container's proxy only. */
  protected DefaultLanguageChoiceService() {
    this(null);
  }

  @Override
  public void choose(SignedInUser signedIn, String languageTag) {
    signedIn.user().chooseLanguage(languageTag);
    try {
      directory.chooseLocale(signedIn.user().getSubject(), languageTag);
    } catch (IdentityProviderException e) {
      LOG.log(
          Level.WARNING,
          "Keycloak did not take the language of {0}; the app keeps it",
          signedIn.user().getUsername());
    }
  }
}
