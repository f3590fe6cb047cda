package org.wenjin.tenancy.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wenjin.persistence.tenancy.AppUser;

class DefaultLanguageChoiceServiceTest {

  private final FakeOrganizationDirectory keycloak = new FakeOrganizationDirectory();
  private final LanguageChoiceService languages = new DefaultLanguageChoiceService(keycloak);
  private final SignedInUser lin =
      new SignedInUser(
          new AppUser("sub-lin", "lin", "lin@globex.example.com", "Lin", Instant.EPOCH),
          List.of(),
          false);

  @Test
  void theChoiceIsKeptByTheAppAndHandedToKeycloak() {
    languages.choose(lin, "zh-CN");

    assertThat(lin.user().getLanguage()).isEqualTo("zh-CN");
    assertThat(keycloak.locales).containsEntry("sub-lin", "zh-CN");
  }

  @Test
  void keycloakBeingDownDoesNotRefuseTheChoice() {
    keycloak.down = true;

    languages.choose(lin, "en");

    assertThat(lin.user().getLanguage()).isEqualTo("en");
    assertThat(keycloak.locales).isEmpty();
  }
}
