package org.wenjin.security;

import java.util.List;

/**
 * The application's roles. Two kinds, and the difference is the tenant boundary:
 *
 * <ul>
 *   <li><b>Realm roles</b> ({@link #REALM}) hold wherever the user goes: {@code user} (everyone
 *       signed in) and {@code platform-admin}. Keycloak issues them in the token's realm roles and
 *       the container checks them ({@code @RolesAllowed}).
 *   <li><b>Company roles</b> ({@link #COMPANY}) hold only in one company: {@code tenant-admin} and
 *       {@code auditor}. Keycloak grants them as membership of the company's group {@code
 *       /<alias>/roles/<role>}; they are checked against the company the caller acts for ({@link
 *       CompanyRole}), never across companies. See decision 0008.
 * </ul>
 */
public final class Roles {

  public static final String USER = "user";
  public static final String TENANT_ADMIN = "tenant-admin";
  public static final String PLATFORM_ADMIN = "platform-admin";
  public static final String AUDITOR = "auditor";

  /** Service accounts that read metrics (Prometheus); no person holds it, the UI never lists it. */
  public static final String MONITORING = "monitoring";

  /** Roles of people that Keycloak issues realm-wide, read from the token's realm roles. */
  public static final List<String> REALM = List.of(USER, PLATFORM_ADMIN);

  /** Roles granted per company, by group membership under the company's group. */
  public static final List<String> COMPANY = List.of(TENANT_ADMIN, AUDITOR);

  /** All roles of people, in the order the UI lists them. */
  public static final List<String> ALL = List.of(USER, TENANT_ADMIN, PLATFORM_ADMIN, AUDITOR);

  private Roles() {}
}
