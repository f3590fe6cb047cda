package org.wenjin.tenancy.interfaces;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Optional;
import org.wenjin.security.Roles;
import org.wenjin.tenancy.application.ApiKeyService;

/**
 * Signs in a request that presents an API key instead of a Keycloak token (the web tier's {@code
 * /v1} filter). Open to anyone by necessity: the caller is not known until the key is checked.
 */
@Stateless
@RolesAllowed(Roles.USER)
public class ApiKeySignIn {

  @Inject private ApiKeyService keys;

  /**
   * @return who the key stands for, or empty when it does not (unknown, revoked, company disabled,
   *     owner no longer a member): the client hears the same 401 for each
   */
  @PermitAll
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public Optional<ApiKeyPrincipal> authenticate(String secret) {
    return keys.authenticate(secret);
  }
}
