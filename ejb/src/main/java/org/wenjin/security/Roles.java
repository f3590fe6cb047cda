package org.wenjin.security;

import java.util.List;

/** Realm roles of the Keycloak realm {@code wenjin}; every facade names the ones it admits. */
public final class Roles {

  public static final String USER = "user";
  public static final String TENANT_ADMIN = "tenant-admin";
  public static final String PLATFORM_ADMIN = "platform-admin";
  public static final String AUDITOR = "auditor";

  /** Service accounts that read metrics (Prometheus); no person holds it, the UI never lists it. */
  public static final String MONITORING = "monitoring";

  /** All roles of people, in the order the UI lists them. */
  public static final List<String> ALL = List.of(USER, TENANT_ADMIN, PLATFORM_ADMIN, AUDITOR);

  private Roles() {}
}
