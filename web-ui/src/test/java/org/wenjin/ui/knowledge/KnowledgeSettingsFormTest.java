package org.wenjin.ui.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.wenjin.knowledge.interfaces.KnowledgeSettingsDto;

class KnowledgeSettingsFormTest {

  private final KnowledgeSettingsForm form = new KnowledgeSettingsForm();
  private final List<KnowledgeSettingsDto> saved = new ArrayList<>();

  @Test
  void savingFiresTheShownSettingsWithTheEdits() {
    form.show(new KnowledgeSettingsDto(800, 100, 4, 0.5));
    form.onSave(saved::add);

    find("settings-chunk-size", IntegerField.class).setValue(1200);
    find("settings-save", Button.class).click();

    assertThat(saved).containsExactly(new KnowledgeSettingsDto(1200, 100, 4, 0.5));
  }

  @Test
  void anEmptyFieldIsSentAsMinusOneForTheServerToRefuseWithAReason() {
    form.show(new KnowledgeSettingsDto(800, 100, 4, 0.5));
    form.onSave(saved::add);

    find("settings-passages", IntegerField.class).clear();
    find("settings-min-similarity", NumberField.class).setValue(0.72); // off the 0.05 step
    find("settings-save", Button.class).click();

    assertThat(saved).containsExactly(new KnowledgeSettingsDto(800, 100, -1, 0.72));
  }

  private <T extends Component> T find(String id, Class<T> type) {
    return descendants(form)
        .filter(c -> c.getId().filter(id::equals).isPresent())
        .map(type::cast)
        .findFirst()
        .orElseThrow();
  }

  private static Stream<Component> descendants(Component c) {
    return Stream.concat(Stream.of(c), c.getChildren().flatMap(child -> descendants(child)));
  }
}
