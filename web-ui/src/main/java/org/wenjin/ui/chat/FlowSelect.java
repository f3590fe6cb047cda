package org.wenjin.ui.chat;

import com.vaadin.flow.component.select.Select;
import java.util.List;
import org.wenjin.chat.interfaces.FlowDto;
import org.wenjin.ui.i18n.FlowNames;

/**
 * How the question is answered: the standard grounded answer or one of the company's flows (each
 * says what it does in its tooltip, and how many model calls it may make).
 */
class FlowSelect extends Select<FlowDto> {

  private List<FlowDto> offered = List.of();

  FlowSelect() {
    setId("flow-select");
    setLabel(getTranslation("chat.flow.label"));
    setItemLabelGenerator(f -> FlowNames.name(f.id(), f.name(), f.asShipped()));
    addValueChangeListener(
        e ->
            setTooltipText(
                e.getValue() == null
                    ? null
                    : getTranslation(
                        "chat.flow.tooltip",
                        FlowNames.description(
                            e.getValue().id(),
                            e.getValue().description(),
                            e.getValue().asShipped()),
                        e.getValue().modelCalls())));
  }

  /** Offers {@code flows}, keeping the current pick if it is still one of them, else the first. */
  void offer(List<FlowDto> flows) {
    if (flows.equals(offered)) {
      return;
    }
    String kept = flowId();
    offered = List.copyOf(flows);
    setItems(offered);
    offered.stream()
        .filter(f -> f.id().equals(kept))
        .findFirst()
        .or(() -> offered.stream().findFirst())
        .ifPresent(this::setValue);
  }

  String flowId() {
    return getValue() == null ? null : getValue().id();
  }
}
