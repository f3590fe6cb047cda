package org.wenjin.tenancy.interfaces;

import java.io.Serializable;
import java.security.Principal;
import java.util.Objects;

/**
 * The caller of a request that authenticated with a personal API key: the key's owner, in the one
 * company the key belongs to. Only {@code ApiKeySignIn} creates one, after finding the key valid;
 * the web tier runs the request as this principal with the role {@code user} and nothing else.
 *
 * @param username the owner's Keycloak username (the principal name, as with a token)
 * @param subject the owner's Keycloak user id
 * @param tenantAlias the company the key was created in: the only one its requests act for
 */
public record ApiKeyPrincipal(long keyId, String username, String subject, String tenantAlias)
    implements Principal, Serializable {

  public ApiKeyPrincipal {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(tenantAlias, "tenantAlias");
  }

  @Override
  public String getName() {
    return username;
  }
}
