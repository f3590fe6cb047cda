package org.wenjin.tenancy.domain;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Reads a {@link CallerIdentity} out of the claims of a verified Keycloak access token. */
public final class CallerIdentities {

  /** Keycloak's organization membership mapper writes the tenants' aliases into this claim. */
  static final String ORGANIZATION_CLAIM = "organization";

  static final String GROUPS_CLAIM = "groups";

  private CallerIdentities() {}

  /**
   * @param claims the token's claims (values as the JSON parser gives them: strings, lists, maps)
   * @param roles the roles the container granted the caller
   */
  public static CallerIdentity fromClaims(Map<String, ?> claims, Set<String> roles) {
    String subject = string(claims, "sub");
    if (subject == null) {
      throw new IllegalArgumentException("token has no subject (sub) claim");
    }
    String username = Objects.requireNonNullElse(string(claims, "preferred_username"), subject);
    return new CallerIdentity(
        subject,
        username,
        string(claims, "name"),
        string(claims, "email"),
        names(claims.get(ORGANIZATION_CLAIM)),
        roles,
        names(claims.get(GROUPS_CLAIM)));
  }

  private static String string(Map<String, ?> claims, String name) {
    Object value = claims.get(name);
    return value == null ? null : value.toString();
  }

  /**
   * The organization claim is a list of aliases by default, and an object keyed by alias when the
   * mapper adds ids or attributes; both yield the aliases, sorted.
   */
  private static List<String> names(Object claim) {
    Collection<?> raw;
    if (claim == null) {
      return List.of();
    } else if (claim instanceof Map<?, ?> map) {
      raw = map.keySet();
    } else if (claim instanceof Collection<?> list) {
      raw = list;
    } else {
      raw = List.of(claim);
    }
    return raw.stream().map(Object::toString).filter(s -> !s.isBlank()).sorted().toList();
  }
}
