package org.wenjin.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import org.junit.jupiter.api.Test;

/** Rules that keep security structural: they fail the build when someone forgets them. */
class SecurityArchitectureTest {

  private static final JavaClasses SERVICES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.wenjin");

  @Test
  void everyFacadeIsDefaultDeny() {
    classes()
        .that()
        .resideInAPackage("..interfaces..")
        .and()
        .areAnnotatedWith(Stateless.class)
        .should()
        .beAnnotatedWith(RolesAllowed.class)
        .because("facades are the entry points and admit only the roles they name")
        .check(SERVICES);
  }

  @Test
  void onlyTheCallerResolverKnowsTheOidcPrincipal() {
    noClasses()
        .that()
        .doNotHaveSimpleName("OidcCallerResolver")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.wildfly.security.http.oidc..")
        .because("who the caller is and which tenant they act for is decided in one place")
        .check(SERVICES);
  }

  @Test
  void theDomainDoesNotDependOnInfrastructure() {
    noClasses()
        .that()
        .resideInAPackage("..domain..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("..infrastructure..", "..interfaces..", "org.keycloak..")
        .check(SERVICES);
  }
}
