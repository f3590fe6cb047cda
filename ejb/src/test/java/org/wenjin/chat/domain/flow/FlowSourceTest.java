package org.wenjin.chat.domain.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FlowSourceTest {

  private static final String YAML =
      """
      id: short-notes
      name: Short notes
      steps:
        - id: search
          type: retrieve
          k: 3
        - id: notes
          type: for_each
          over: search.passages
          max: 3
          max_tokens: 120
          prompt: |
            {{item.block}}

            Note what helps answer: {{question}}
        - id: answer
          type: answer
          cite: search
          prompt: "{{#notes.items}}[{{n}}] {{text}}\\n{{/notes.items}}{{question}}"
      """;

  @Test
  void aFlowWrittenInYamlIsTheSameFlowAsInJson() {
    FlowDefinition fromYaml = FlowSource.parse(YAML);
    String json = FlowSource.prettyJson(FlowSource.json(YAML));
    FlowDefinition fromJson = FlowSource.parse(json);

    assertThat(FlowSource.formatOf(json)).isEqualTo(FlowSource.Format.JSON);
    assertThat(fromYaml.id()).isEqualTo("short-notes");
    assertThat(fromYaml.modelCalls()).isEqualTo(4);
    var notes = (FlowStep.ForEach) fromYaml.steps().get(1);
    assertThat(notes.call().prompt().source())
        .isEqualTo("{{item.block}}\n\nNote what helps answer: {{question}}\n");
    assertThat(notes.call().maxTokens()).isEqualTo(120);
    assertThat(fromJson).usingRecursiveComparison().isEqualTo(fromYaml);
  }

  @Test
  void everyBuiltInFlowSurvivesARoundTripThroughYaml() {
    for (FlowDefinition builtIn : BuiltInFlows.all()) {
      String yaml = FlowSource.yaml(BuiltInFlows.source(builtIn.id()).orElseThrow());

      assertThat(FlowSource.json(yaml)).isEqualTo(BuiltInFlows.source(builtIn.id()).orElseThrow());
      assertThat(yaml).as("multi-line prompts stay readable").doesNotContain("\\n");
    }
  }

  @Test
  void textThatIsNoFlowSaysWhatIsWrongAndWhere() {
    assertThatThrownBy(() -> FlowSource.json("  "))
        .isInstanceOf(FlowRules.class)
        .hasMessageContaining("empty");
    assertThatThrownBy(() -> FlowSource.json("{\"id\": \"a\",\n \"name\": }"))
        .hasMessageContaining("not valid JSON at line 2");
    assertThatThrownBy(() -> FlowSource.json("id: a\nname: [unclosed\n"))
        .hasMessageContaining("not valid YAML");
    assertThatThrownBy(() -> FlowSource.json("- just\n- a list\n"))
        .hasMessageContaining("a flow is an object");
    assertThatThrownBy(() -> FlowSource.json("id: a\nid: b\n"))
        .as("a key written twice is a mistake, not the last one winning")
        .hasMessageContaining("not valid YAML");
    assertThatThrownBy(() -> FlowSource.json("x".repeat(FlowSource.MAX_LENGTH + 1)))
        .hasMessageContaining("longer than");
  }

  @Test
  void yamlAliasesCannotMultiplyADocumentBeyondBound() {
    StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
    char previous = 'a';
    for (char c = 'b'; c <= 'z'; c++) {
      bomb.append(c)
          .append(": &")
          .append(c)
          .append(" [*")
          .append(previous)
          .append(", *")
          .append(previous)
          .append(", *")
          .append(previous)
          .append("]\n");
      previous = c;
    }
    assertThatThrownBy(() -> FlowSource.json(bomb.toString())).isInstanceOf(FlowRules.class);
  }

  @Test
  void anchorsAliasesAndDeepNestingAreRefusedBeforeAnythingIsBuilt() {
    assertThatThrownBy(() -> FlowSource.json("name: &a [*a]\n"))
        .isInstanceOf(FlowRules.class)
        .hasMessageContaining("anchors and aliases");
    assertThatThrownBy(() -> FlowSource.json("a: &s text\nb: *s\n"))
        .hasMessageContaining("anchors and aliases");
    assertThatThrownBy(() -> FlowSource.json("a: " + "[".repeat(20) + "]".repeat(20)))
        .hasMessageContaining("nested more than");
    assertThatThrownBy(() -> FlowSource.json("{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}"))
        .isInstanceOf(FlowRules.class);
  }

  @Test
  void yamlBuildsNoJavaObjectsItNames() {
    assertThatThrownBy(
            () -> FlowSource.json("id: !!java.net.URL [\"http://127.0.0.1\"]\nname: x\n"))
        .isInstanceOf(FlowRules.class);
  }
}
