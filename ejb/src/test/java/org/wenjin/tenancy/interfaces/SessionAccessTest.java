package org.wenjin.tenancy.interfaces;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.wenjin.persistence.tenancy.AppUser;
import org.wenjin.persistence.tenancy.Tenant;
import org.wenjin.security.Roles;
import org.wenjin.tenancy.application.SignedInUser;
import org.wenjin.tenancy.domain.CallerIdentity;
import org.wenjin.tenancy.interfaces.SessionDto.Access;

/** Who may use the app after signing in, and what they are told otherwise. */
class SessionAccessTest {

  private static final Instant NOW = Instant.now();
  private static final AppUser USER = new AppUser("sub", "u", null, "U", NOW);

  private static CallerIdentity caller(String... roles) {
    return new CallerIdentity("sub", "u", "U", null, List.of(), Set.of(roles), List.of());
  }

  private static Tenant tenant(boolean enabled) {
    Tenant tenant = new Tenant("acme", "Acme", NOW);
    tenant.setEnabled(enabled);
    return tenant;
  }

  @Test
  void aMemberOfAnEnabledCompanyIsAdmitted() {
    var signedIn = new SignedInUser(USER, List.of(tenant(true)), false);

    assertThat(SessionFacade.access(caller(Roles.USER), signedIn)).isEqualTo(Access.GRANTED);
  }

  @Test
  void aMemberOfOnlyADisabledCompanyIsToldItIsDisabled() {
    var signedIn = new SignedInUser(USER, List.of(tenant(false)), true);

    assertThat(SessionFacade.access(caller(Roles.USER), signedIn))
        .isEqualTo(Access.COMPANY_DISABLED);
  }

  @Test
  void aUserInNoCompanyIsToldSo() {
    var signedIn = new SignedInUser(USER, List.of(), false);

    assertThat(SessionFacade.access(caller(Roles.USER), signedIn)).isEqualTo(Access.NO_COMPANY);
  }

  @Test
  void onlyThePlatformRoleNeedsNoCompany() {
    var signedIn = new SignedInUser(USER, List.of(), false);

    assertThat(SessionFacade.access(caller(Roles.PLATFORM_ADMIN), signedIn))
        .isEqualTo(Access.GRANTED);
    // auditor is a company role now: a realm role of that name opens nothing without a company
    assertThat(SessionFacade.access(caller(Roles.AUDITOR), signedIn)).isEqualTo(Access.NO_COMPANY);
  }
}
