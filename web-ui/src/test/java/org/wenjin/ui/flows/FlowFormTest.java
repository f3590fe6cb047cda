package org.wenjin.ui.flows;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wenjin.chat.domain.flow.BuiltInFlows;
import org.wenjin.chat.domain.flow.FlowSource;

/** The flow form reads a flow's JSON and writes it back as the admin edited it. */
class FlowFormTest {

  private final FlowForm form = new FlowForm();

  static Stream<String> builtIns() {
    return BuiltInFlows.all().stream().map(f -> f.id());
  }

  @ParameterizedTest
  @MethodSource("builtIns")
  void everyBuiltInFlowComesBackUnchanged(String id) {
    JsonObject flow = BuiltInFlows.source(id).orElseThrow();
    assertThat(FlowForm.unknownIn(flow)).isEmpty();

    form.show(flow);

    assertThat(form.json()).isEqualTo(flow);
    assertThat(FlowSource.parse(FlowSource.prettyJson(form.json())).id()).isEqualTo(id);
  }

  @Test
  void aFieldTheFormCannotShowIsNamedSoTheFlowIsNotOpenedInIt() {
    JsonObject flow =
        FlowSource.json(
            """
            {"id": "x", "name": "X", "owner": "me", "steps": [
              {"id": "a", "type": "answer", "prompt": "hi", "tools": ["web"]},
              {"id": "b", "type": "teleport", "prompt": "hi", "k": "five"}]}
            """);

    assertThat(FlowForm.unknownIn(flow))
        .containsExactlyInAnyOrder("owner", "steps[0].tools", "steps[1].type", "steps[1].k");
  }

  @Test
  void editsAddedAndMovedStepsAreWrittenInTheirOrderLeavingEmptyFieldsOut() {
    form.show(BuiltInFlows.source("knowledge").orElseThrow());

    find("flow-form-new-type", Select.class).setValue("generate");
    find("flow-form-add", Button.class).click(); // goes before the answer: step 2 of 3
    find("flow-step-2-id", TextField.class).setValue("draft");
    find("flow-step-2-prompt", TextArea.class).setValue("Draft an answer to {{question}}");
    find("flow-step-2-max-tokens", IntegerField.class).setValue(300);
    find("flow-step-1-k", IntegerField.class).setValue(6);

    JsonObject written = form.json();
    assertThat(written.getJsonArray("steps").stream().map(s -> s.asJsonObject().getString("id")))
        .containsExactly("search", "draft", "answer");
    JsonObject draft = written.getJsonArray("steps").getJsonObject(1);
    assertThat(draft.toString())
        .isEqualTo(
            "{\"id\":\"draft\",\"type\":\"generate\","
                + "\"prompt\":\"Draft an answer to {{question}}\",\"max_tokens\":300}");
    assertThat(written.getJsonArray("steps").getJsonObject(0).getInt("k")).isEqualTo(6);

    find("flow-step-2-up", Button.class).click();
    assertThat(ids(form.json())).containsExactly("draft", "search", "answer");
    find("flow-step-1-remove", Button.class).click();
    assertThat(ids(form.json())).containsExactly("search", "answer");
    assertThat(find("flow-step-1-up", Button.class).isEnabled()).isFalse();
  }

  @Test
  void aLoopGoesOverAndAnAnswerCitesOnlyWhatEarlierStepsProduce() {
    form.show(BuiltInFlows.source("knowledge-notes").orElseThrow());

    @SuppressWarnings("unchecked")
    ComboBox<String> over = find("flow-step-2-over", ComboBox.class);
    @SuppressWarnings("unchecked")
    ComboBox<String> cite = find("flow-step-3-cite", ComboBox.class);

    assertThat(items(over)).containsExactly("search.passages");
    assertThat(items(cite)).containsExactly("search");
    assertThat(find("flow-step-1-over", ComboBox.class).isVisible())
        .as("a retrieve step")
        .isFalse();
  }

  private static List<String> ids(JsonObject flow) {
    return flow.getJsonArray("steps").stream().map(s -> s.asJsonObject().getString("id")).toList();
  }

  private static List<String> items(ComboBox<String> box) {
    return box.getListDataView().getItems().toList();
  }

  private <T extends Component> T find(String id, Class<T> type) {
    return descendants(form)
        .filter(c -> c.getId().filter(id::equals).isPresent())
        .map(type::cast)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + id));
  }

  private static Stream<Component> descendants(Component c) {
    return Stream.concat(Stream.of(c), c.getChildren().flatMap(FlowFormTest::descendants));
  }
}
