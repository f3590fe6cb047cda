package org.wenjin.ui.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.wenjin.chat.domain.flow.BuiltInFlows;
import org.wenjin.chat.domain.flow.FlowDefinition;

/** The built-in flows' names in the bundles are the shipped ones, and each is said in Chinese. */
class FlowNamesTest {

  @Test
  void everyBuiltInFlowHasItsShippedNameInEnglishAndOneInChinese() {
    for (FlowDefinition flow : BuiltInFlows.all()) {
      String key = "flows.builtin." + flow.id();
      assertThat(Messages.format(key + ".name", Locale.ENGLISH)).isEqualTo(flow.name());
      assertThat(Messages.format(key + ".description", Locale.ENGLISH))
          .isEqualTo(flow.description());
      assertThat(Messages.format(key + ".name", Locale.SIMPLIFIED_CHINESE))
          .isNotEqualTo(flow.name())
          .containsPattern("\\p{IsHan}");
    }
    assertThat(FlowNames.builtIns())
        .containsExactlyInAnyOrderElementsOf(
            BuiltInFlows.all().stream().map(FlowDefinition::id).toList());
  }

  @Test
  void anEditedCopyOrAFlowOfTheCompanysOwnIsSaidAsWritten() {
    assertThat(FlowNames.name("knowledge", "Unsere Wissenssuche", false))
        .isEqualTo("Unsere Wissenssuche");
    assertThat(FlowNames.name("my-flow", "My flow", true)).isEqualTo("My flow");
    assertThat(FlowNames.name("knowledge", "Quick knowledge", true)).isEqualTo("Quick knowledge");
  }
}
