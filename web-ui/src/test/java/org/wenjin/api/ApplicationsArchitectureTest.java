package org.wenjin.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.ext.Provider;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.wenjin.api.openai.OpenAiApplication;

/**
 * Both JAX-RS applications list their classes; a resource or provider left out of both would be
 * unreachable, and one in both would be served under {@code /api} and {@code /v1} alike.
 */
class ApplicationsArchitectureTest {

  @Test
  void everyResourceIsInExactlyOneApplication() {
    Set<Class<?>> api = new ApiApplication().getClasses();
    Set<Class<?>> v1 = new OpenAiApplication().getClasses();
    List<String> wrong = new ArrayList<>();
    for (JavaClass type :
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.wenjin.api")) {
      if (!type.isAnnotatedWith(Path.class)) {
        continue;
      }
      Class<?> resource = type.reflect();
      if (api.contains(resource) == v1.contains(resource)) {
        wrong.add(resource.getName());
      }
    }
    assertThat(wrong).as("resources in none or both applications").isEmpty();
  }

  @Test
  void everyProviderIsInAnApplication() {
    Set<Class<?>> api = new ApiApplication().getClasses();
    Set<Class<?>> v1 = new OpenAiApplication().getClasses();
    for (JavaClass type :
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.wenjin.api")) {
      if (type.isAnnotatedWith(Provider.class)) {
        assertThat(api.contains(type.reflect()) || v1.contains(type.reflect()))
            .as(type.getName())
            .isTrue();
      }
    }
  }
}
