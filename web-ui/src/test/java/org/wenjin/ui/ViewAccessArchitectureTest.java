package org.wenjin.ui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import org.junit.jupiter.api.Test;

/** Every page says who may open it; Vaadin's access control denies pages that do not. */
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

  @Test
  void viewsTalkToFacadesNotToServicesOrEntities() {
    classes()
        .that()
        .resideInAPackage("org.wenjin.ui..")
        .should()
        .onlyDependOnClassesThat()
        .resideOutsideOfPackages(
            "org.wenjin..application..", "org.wenjin..infrastructure..", "org.wenjin.persistence..")
        .check(UI);
  }
}
