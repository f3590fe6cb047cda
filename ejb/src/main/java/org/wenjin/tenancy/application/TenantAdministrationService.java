package org.wenjin.tenancy.application;

import java.util.List;
import org.wenjin.persistence.tenancy.Tenant;
import org.wenjin.tenancy.domain.OrganizationDirectory.Member;

/**
 * Platform administration of tenants. Every change goes to Keycloak first and then to the app's
 * database, in one transaction with its audit record; a failure leaves neither half-changed.
 */
public interface TenantAdministrationService {

  /** All tenants, after adding any Keycloak organization the app has not recorded yet. */
  List<Tenant> list();

  Tenant create(String alias, String name, String emailDomain, String actor);

  Tenant rename(String alias, String name, String actor);

  Tenant setEnabled(String alias, boolean enabled, String actor);

  List<Member> members(String alias);

  Member addMember(String alias, String usernameOrEmail, String actor);

  /**
   * A tenant admin adds a colleague: only by a verified e-mail address in the company's e-mail
   * domain (the rule the platform admin sets per company), and without learning anything about
   * users outside that domain.
   */
  Member admitColleague(String alias, String email, String actor);
}
