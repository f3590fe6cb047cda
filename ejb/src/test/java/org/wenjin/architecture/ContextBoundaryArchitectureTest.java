package org.wenjin.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameStartingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wenjin.inference.application.InferencePool;
import org.wenjin.inference.application.ModelLane;

/**
 * Rules that keep the bounded contexts apart: no cycles between them, and a context reaches another
 * only through its application services (interfaces) or facades, never through its infrastructure
 * or its implementations.
 */
class ContextBoundaryArchitectureTest {

  private static final List<String> CONTEXTS =
      List.of("tenancy", "chat", "knowledge", "inference", "audit", "governance", "platform");

  private static final JavaClasses SERVICES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.wenjin");

  @Test
  void contextsDependOnEachOtherWithoutCycles() {
    slices()
        .matching("org.wenjin.(*)..")
        .should()
        .beFreeOfCycles()
        .because("a cycle makes two contexts one, which nobody can change alone")
        .check(SERVICES);
  }

  @Test
  void noContextReachesIntoAnothersInfrastructure() {
    for (String context : CONTEXTS) {
      noClasses()
          .that()
          .resideOutsideOfPackage("org.wenjin." + context + "..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.wenjin." + context + ".infrastructure..")
          .because("contexts meet through application interfaces or facades")
          .check(SERVICES);
    }
  }

  @Test
  void noContextDependsOnAnothersImplementations() {
    for (String context : CONTEXTS) {
      noClasses()
          .that()
          .resideOutsideOfPackage("org.wenjin." + context + "..")
          .should()
          .dependOnClassesThat(
              simpleNameStartingWith("Default")
                  .and(resideInAPackage("org.wenjin." + context + "..")))
          .because("another context sees the service interface, not its Default… implementation")
          .check(SERVICES);
    }
  }

  @Test
  void onlyTheInferenceContextSeesThePool() {
    noClasses()
        .that()
        .resideOutsideOfPackage("org.wenjin.inference..")
        .should()
        .dependOnClassesThat()
        .belongToAnyOf(InferencePool.class, ModelLane.class)
        .because("other contexts ask for generations through GenerationService")
        .check(SERVICES);
  }
}
