package org.wenjin.ui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.servlet.annotation.WebFilter;
import org.junit.jupiter.api.Test;

/**
 * A servlet filter in front of an asynchronous request (the suspended ask, server-sent answers,
 * Vaadin's push) must itself support async, or the container refuses to suspend the request and
 * every such call fails: a rule, because the failure only shows end to end.
 */
class WebFilterArchitectureTest {

  @Test
  void everyFilterSupportsAsynchronousRequests() {
    classes()
        .that()
        .areAnnotatedWith(WebFilter.class)
        .should(supportAsync())
        .check(
            new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.wenjin"));
  }

  private static ArchCondition<JavaClass> supportAsync() {
    return new ArchCondition<>("declare asyncSupported = true") {
      @Override
      public void check(JavaClass type, ConditionEvents events) {
        boolean async = type.reflect().getAnnotation(WebFilter.class).asyncSupported();
        events.add(new SimpleConditionEvent(type, async, type.getName() + " asyncSupported"));
      }
    };
  }
}
