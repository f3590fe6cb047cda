package org.wenjin.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** JSON is built from the one cached provider, in the API and in the services below it. */
class JsonProviderArchitectureTest {

  private static final JavaClasses APPLICATION =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.wenjin");

  @Test
  void nobodyUsesTheProviderLookupOnEveryCall() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("jakarta.json.Json")
        .because(
            "each static method of jakarta.json.Json scans the deployment for a provider; use"
                + " org.wenjin.platform.Jsonp.JSON")
        .check(APPLICATION);
  }
}
