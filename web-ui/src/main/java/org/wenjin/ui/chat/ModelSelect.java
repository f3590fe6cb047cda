package org.wenjin.ui.chat;

import com.vaadin.flow.component.select.Select;
import java.util.List;
import org.wenjin.chat.interfaces.ModelDto;

/** The model that answers, out of those the company offers. */
class ModelSelect extends Select<ModelDto> {

  private List<ModelDto> offered = List.of();

  ModelSelect() {
    setId("model-select");
    setLabel("Model");
    setItemLabelGenerator(ModelDto::label);
  }

  /** Offers {@code models}, selecting the company's preselected one. */
  void offer(List<ModelDto> models) {
    offered = List.copyOf(models);
    setItems(offered);
    offered.stream().filter(ModelDto::preselected).findFirst().ifPresent(this::setValue);
  }

  /** Selects the model a conversation was answered with, if it is still offered. */
  void select(String modelId) {
    offered.stream().filter(m -> m.id().equals(modelId)).findFirst().ifPresent(this::setValue);
  }

  String modelId() {
    return getValue() == null ? null : getValue().id();
  }
}
