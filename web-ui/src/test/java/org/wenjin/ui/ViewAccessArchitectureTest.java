package org.wenjin.ui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * Every page says who may open it, and pages and REST resources alike reach the services only
 * through default-deny facades, with DTOs: what the architecture promises for the UI holds for
 * {@code /api} too.
 */
class ViewAccessArchitectureTest {

  private static final JavaClasses UI =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.wenjin");

  @Test
  void everyRouteNamesItsRoles() {
    classes()
        .that()
        .areAnnotatedWith(Route.class)
        .should()
        .beAnnotatedWith(RolesAllowed.class)
        .orShould()
        .beAnnotatedWith(PermitAll.class)
        .check(UI);
  }

  /** Vaadin checks {@code @RolesAllowed} against realm roles; company roles go in @CompanyRole. */
  @Test
  void routesAdmitCompanyRolesOnlyThroughCompanyRole() {
    for (JavaClass route : UI) {
      RolesAllowed allowed =
          route.isAnnotatedWith(Route.class)
              ? route.reflect().getAnnotation(RolesAllowed.class)
              : null;
      if (allowed != null) {
        org.assertj.core.api.Assertions.assertThat(allowed.value())
            .as(route.getName())
            .doesNotContainAnyElementsOf(org.wenjin.security.Roles.COMPANY);
      }
    }
  }

  @Test
  void viewsAndResourcesTalkToFacadesNotToServicesOrEntities() {
    classes()
        .that()
        .resideInAnyPackage("org.wenjin.ui..", "org.wenjin.api..")
        .should()
        .onlyDependOnClassesThat()
        .resideOutsideOfPackages(
            "org.wenjin..application..", "org.wenjin..infrastructure..", "org.wenjin.persistence..")
        .check(UI);
  }

  @Test
  void whatViewsAndResourcesInjectFromTheServicesIsADefaultDenyFacade() {
    fields()
        .that()
        .areAnnotatedWith(Inject.class)
        .or()
        .areAnnotatedWith(EJB.class) // conditions read left to right: (Inject or EJB) and in ui/api
        .and()
        .areDeclaredInClassesThat()
        .resideInAnyPackage("org.wenjin.ui..", "org.wenjin.api..")
        .should(haveAFacadeType())
        .check(UI);
    codeUnits()
        .that()
        .areDeclaredInClassesThat()
        .resideInAnyPackage("org.wenjin.ui..", "org.wenjin.api..")
        .and()
        .areAnnotatedWith(Inject.class)
        .should(takeOnlyFacades())
        .check(UI);
  }

  /**
   * A service of the ejb module that a view or resource may hold: a facade, which names the roles
   * it admits. The readiness checks ({@code org.wenjin.platform.health}) are public by design.
   */
  private static boolean allowed(JavaClass type) {
    String name = type.getPackageName();
    boolean fromServices =
        name.startsWith("org.wenjin.")
            && !name.startsWith("org.wenjin.ui")
            && !name.startsWith("org.wenjin.api")
            && !name.startsWith("org.wenjin.platform.health");
    return !fromServices || type.isAnnotatedWith(RolesAllowed.class);
  }

  private static ArchCondition<JavaField> haveAFacadeType() {
    return new ArchCondition<>("have a facade (@RolesAllowed) as type") {
      @Override
      public void check(JavaField field, ConditionEvents events) {
        if (!allowed(field.getRawType())) {
          events.add(SimpleConditionEvent.violated(field, field.getFullName() + " is no facade"));
        }
      }
    };
  }

  private static ArchCondition<JavaCodeUnit> takeOnlyFacades() {
    return new ArchCondition<>("take only facades (@RolesAllowed)") {
      @Override
      public void check(JavaCodeUnit unit, ConditionEvents events) {
        for (JavaClass type : unit.getRawParameterTypes()) {
          if (!allowed(type)) {
            events.add(
                SimpleConditionEvent.violated(
                    unit, unit.getFullName() + " takes " + type.getName() + ", no facade"));
          }
        }
      }
    };
  }
}
