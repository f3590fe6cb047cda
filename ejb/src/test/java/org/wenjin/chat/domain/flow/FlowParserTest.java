package org.wenjin.chat.domain.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wenjin.platform.Jsonp.JSON;

import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlowParserTest {

  private static JsonObject json(String text) {
    try (var reader = JSON.createReader(new StringReader(text.replace('\'', '"')))) {
      return reader.readObject();
    }
  }

  private static List<String> problems(String flow) {
    try {
      FlowParser.parse(json(flow));
      return List.of();
    } catch (FlowRules e) {
      return e.problems();
    }
  }

  @Test
  void everyBuiltInFlowIsValidAndBounded() {
    assertThat(BuiltInFlows.all())
        .extracting(FlowDefinition::id)
        .containsExactly(
            "knowledge", "knowledge-notes", "rewrite-search", "write-document", "translate");
    for (FlowDefinition flow : BuiltInFlows.all()) {
      assertThat(flow.modelCalls()).as(flow.id()).isBetween(1, FlowChecks.MAX_CALLS);
      assertThat(flow.steps().get(flow.steps().size() - 1)).isInstanceOf(FlowStep.Answer.class);
    }
    assertThat(BuiltInFlows.find("knowledge-notes").orElseThrow().modelCalls()).isEqualTo(5);
  }

  @Test
  void aMapReduceFlowReadsItsSteps() {
    FlowDefinition flow =
        FlowParser.parse(
            json(
                """
                {'id':'notes','name':'Notes','steps':[
                  {'id':'search','type':'retrieve','k':3,'collections':['hr']},
                  {'id':'each','type':'for_each','over':'search.passages','max':3,
                   'prompt':'{{item.block}} {{question}}','max_tokens':100},
                  {'id':'answer','type':'answer','cite':'search',
                   'prompt':'{{#each.items}}[{{n}}] {{text}}{{/each.items}} {{question}}'}]}
                """));

    assertThat(flow.steps()).hasSize(3);
    var search = (FlowStep.Retrieve) flow.steps().get(0);
    assertThat(search.query().source()).isEqualTo("{{question}}");
    assertThat(search.collections()).containsExactly("hr");
    var each = (FlowStep.ForEach) flow.steps().get(1);
    assertThat(each.overPassages()).isTrue();
    assertThat(each.source()).isEqualTo("search");
    assertThat(each.call().maxTokens()).isEqualTo(100);
    assertThat(flow.answer().cite()).isEqualTo("search");
    assertThat(flow.modelCalls()).isEqualTo(4);
  }

  @Test
  void validationSaysWhatIsWrongAndWhere() {
    List<String> problems =
        problems(
            """
            {'id':'Bad Id','name':'x','steps':[
              {'id':'first','type':'generate','prompt':'{{summary.text}} {{nonsense}}'},
              {'id':'loop','type':'for_each','over':'first.lines',
               'prompt':'{{item.text}}'},
              {'id':'summary','type':'generate','prompt':'{{item}} {{first.passages}}'},
              {'id':'first','type':'answer','cite':'summary','prompt':'{{question}}'}]}
            """);

    assertThat(problems)
        .contains(
            "id: lower-case letters, digits, ‘-’ and ‘_’, starting with a letter (at most 32)",
            "steps[0].prompt: step ‘summary’ comes later; a step reads only the steps before it",
            "steps[0].prompt: unknown variable ‘nonsense’",
            "steps[1].max: a loop needs a bound (1 to 10)",
            "steps[2].prompt: ‘item’ exists only in a for_each step’s prompt",
            "steps[2].prompt: step ‘first’ gives first.lines, first.text",
            "steps[3].id: ‘first’ is the id of an earlier step",
            "steps[3].cite: the id of an earlier retrieve step (not ‘summary’)");
  }

  @Test
  void theAnswerIsTheLastStepAndTheOnlyOne() {
    assertThat(
            problems(
                "{'id':'x','name':'x','steps':[{'id':'a','type':'answer','prompt':'{{question}}'},"
                    + "{'id':'b','type':'generate','prompt':'{{a.text}}'}]}"))
        .contains(
            "steps[0]: only the last step answers (type \"answer\")",
            "steps[1]: the last step must be of type \"answer\", whose output streams");
  }

  @Test
  void loopsAndTheWholeFlowAreBounded() {
    assertThat(
            problems(
                "{'id':'x','name':'x','steps':[{'id':'s','type':'retrieve'},"
                    + "{'id':'a','type':'for_each','over':'s.passages','max':50,'prompt':'{{item.text}}'},"
                    + "{'id':'b','type':'for_each','over':'s.passages','max':10,'prompt':'{{item.text}}'},"
                    + "{'id':'c','type':'for_each','over':'s.passages','max':10,'prompt':'{{item.text}}'},"
                    + "{'id':'d','type':'for_each','over':'s.lines','max':10,'prompt':'{{item.text}}'},"
                    + "{'id':'z','type':'answer','prompt':'{{a.text}}'}]}"))
        .contains(
            "steps[1].max: a loop takes 1 to 10 items",
            "steps[4].over: ‘s’ is no generate step; it has no lines",
            "steps: up to 81 model calls per question; at most 24 (lower a for_each max)");
  }

  @Test
  void brokenTemplatesAndUnknownTypesAreReported() {
    assertThat(
            problems(
                "{'id':'x','name':'x','steps':[{'id':'a','type':'shell','prompt':'rm'},"
                    + "{'id':'z','type':'answer','prompt':'{{#question}} unclosed'}]}"))
        .anySatisfy(p -> assertThat(p).startsWith("steps[0].type: one of retrieve"))
        .anySatisfy(p -> assertThat(p).startsWith("steps[1].prompt: The prompt is not a valid"));
  }

  @Test
  void aTemplateReadsTheValuesItIsGivenAndNothingOfJava() {
    PromptTemplate template =
        PromptTemplate.of("Q: {{question}} [{{#s.passages}}{{n}} {{/s.passages}}]");

    assertThat(
            template.render(
                Map.of(
                    "question",
                    "年假 <b>?",
                    "s",
                    Map.of("passages", List.of(Map.of("n", 1), Map.of("n", 2))))))
        .isEqualTo("Q: 年假 <b>? [1 2 ]");
    // no reflection: a String's getClass(), a list's size() or a map's class are not reachable
    for (String probe :
        List.of(
            "{{question.class}}",
            "{{question.bytes}}",
            "{{s.class.name}}",
            "{{s.passages.size}}")) {
      assertThatThrownBy(
              () ->
                  PromptTemplate.of(probe)
                      .render(Map.of("question", "q", "s", Map.of("passages", List.of()))))
          .as(probe)
          .isInstanceOf(FlowRules.class);
    }
    assertThat(
            problems(
                "{'id':'x','name':'x','steps':[{'id':'z','type':'answer','prompt':'{{question.class}}'}]}"))
        .containsExactly("steps[0].prompt: ‘question’ is a text; it has no ‘class’");
  }

  @Test
  void aFieldThatNoStepHasIsReportedWithTheOnesThatExist() {
    assertThat(
            problems(
                """
                {'id':'f','name':'F','colour':'red','steps':[
                  {'id':'answer','type':'answer','promt':'{{question}}','prompt':'{{question}}'}]}
                """))
        .containsExactly(
            "colour: not a field here (known: description, id, name, steps)",
            "steps[0].promt: not a field here (known: cite, id, max_tokens, model, prompt,"
                + " system, temperature, type)");
  }
}
