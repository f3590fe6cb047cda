package org.wenjin.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.interceptor.Interceptors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wenjin.security.CompanyRole;
import org.wenjin.security.Roles;
import org.wenjin.tenancy.interfaces.TenantScoped;

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

  @Test
  void facadesOverTenantOwnedDataRunInTheCallersTenantScope() {
    classes()
        .that()
        .resideInAnyPackage("org.wenjin.chat.interfaces..", "org.wenjin.knowledge.interfaces..")
        .and()
        .areAnnotatedWith(Stateless.class)
        .should()
        .beAnnotatedWith(Interceptors.class)
        .because(
            "tenant-owned data is read and written only inside the TenantScoped interceptor's"
                + " scope, the one place a request gets its tenant")
        .check(SERVICES);
  }

  @Test
  void onlyTheTenantInterceptorAndBackgroundWorkEnterATenantScope() {
    noClasses()
        .that()
        .doNotHaveSimpleName("CallerScope")
        .and()
        .haveNameNotMatching("org\\.wenjin\\.chat\\.application\\.AnswerStreams.*")
        .and()
        .resideOutsideOfPackage("org.wenjin.persistence.tenancy..")
        .should()
        .callMethod(
            org.wenjin.persistence.tenancy.TenantScope.class,
            "call",
            long.class,
            java.util.function.Supplier.class)
        .orShould()
        .callMethod(
            org.wenjin.persistence.tenancy.TenantScope.class, "run", long.class, Runnable.class)
        .because(
            "a tenant comes from the verified token, or from the request that started the work")
        .check(SERVICES);
  }

  @Test
  void onlyTheKnowledgeIndexTalksToElasticsearch() {
    noClasses()
        .that()
        .resideOutsideOfPackages(
            "org.wenjin.knowledge.infrastructure.elastic..", "org.wenjin.elastic..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("co.elastic.clients..")
        .because(
            "every search and write must carry the caller's tenant filter, which that package"
                + " adds (it also builds the client and checks its health)")
        .check(SERVICES);
  }

  @Test
  void onlyTheTenantFilterTurnsTheCallerIntoElasticsearchValues() {
    noClasses()
        .that()
        .resideInAPackage("org.wenjin.knowledge.infrastructure.elastic..")
        .and()
        .doNotHaveFullyQualifiedName("org.wenjin.knowledge.infrastructure.elastic.TenantFilter")
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("org.wenjin.tenancy.application.CallerScope")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("org.wenjin.tenancy.application.ActingCaller")
        .because(
            "the tenant and group filters of every request are built in one place, from the"
                + " caller scope")
        .check(SERVICES);
  }

  /**
   * The container checks {@code @RolesAllowed} against realm roles, which hold in every company;
   * naming a company role there would either lock everyone out or, worse, let a realm-wide grant
   * back in. Company roles are named by {@code @CompanyRole}, which only the tenant scope checks.
   */
  @Test
  void companyRolesAreCheckedInTheTenantScopeNeverByTheContainer() {
    List<String> wrong = new ArrayList<>();
    for (JavaClass facade : SERVICES) {
      if (!facade.isAnnotatedWith(Stateless.class)) {
        continue;
      }
      Class<?> type = facade.reflect();
      List<java.lang.reflect.AnnotatedElement> elements = new ArrayList<>();
      elements.add(type);
      elements.addAll(List.of(type.getDeclaredMethods()));
      boolean namesCompanyRole = false;
      for (var element : elements) {
        RolesAllowed allowed = element.getAnnotation(RolesAllowed.class);
        if (allowed != null) {
          Arrays.stream(allowed.value())
              .filter(Roles.COMPANY::contains)
              .forEach(role -> wrong.add(element + " admits company role " + role));
        }
        namesCompanyRole |= element.isAnnotationPresent(CompanyRole.class);
      }
      Interceptors interceptors = type.getAnnotation(Interceptors.class);
      if (namesCompanyRole
          && (interceptors == null
              || !Arrays.asList(interceptors.value()).contains(TenantScoped.class))) {
        wrong.add(type.getName() + " has @CompanyRole but no TenantScoped interceptor to check it");
      }
    }
    assertThat(wrong).isEmpty();
  }
}
