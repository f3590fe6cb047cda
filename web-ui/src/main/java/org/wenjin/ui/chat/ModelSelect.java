package org.wenjin.ui.chat;

import com.vaadin.flow.component.select.Select;
import java.util.List;
import org.wenjin.chat.interfaces.ModelDto;

/** The model that answers, out of those the company offers. */
class ModelSelect extends Select<ModelDto> {

  private List<ModelDto> offered = List.of();

  ModelSelect() {
    setId("model-select");
    setLabel(getTranslation("chat.model.label"));
    setItemLabelGenerator(ModelDto::label);
  }

  /**
   * Offers {@code models} and selects {@code keep} if it is one of them (the user's earlier pick),
   * else the company's preselected model. An unchanged list is not set again: that would replace
   * the items' keys, and a pick the browser sends meanwhile would be lost.
   */
  void offer(List<ModelDto> models, String keep) {
    if (!models.equals(offered)) {
      offered = List.copyOf(models);
      setItems(offered);
    }
    offered.stream()
        .filter(m -> m.id().equals(keep))
        .findFirst()
        .or(() -> offered.stream().filter(ModelDto::preselected).findFirst())
        .ifPresentOrElse(this::setValue, this::clear);
  }

  /** Selects the model a conversation was answered with, if it is still offered. */
  void select(String modelId) {
    offered.stream().filter(m -> m.id().equals(modelId)).findFirst().ifPresent(this::setValue);
  }

  String modelId() {
    return getValue() == null ? null : getValue().id();
  }
}
