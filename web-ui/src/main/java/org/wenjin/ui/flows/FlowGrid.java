package org.wenjin.ui.flows;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import org.wenjin.chat.interfaces.CompanyFlowDto;
import org.wenjin.ui.i18n.FlowNames;
import org.wenjin.ui.i18n.LocalFormats;
import org.wenjin.ui.i18n.Tr;

/**
 * The company's flows: what each is, where it comes from, whether users are offered it, and its
 * actions (edit; offer or withdraw; reset a built-in or delete an own flow), each fired as an
 * event. Names and descriptions are admins' words, shown as text.
 */
class FlowGrid extends Grid<CompanyFlowDto> {

  /** How API clients and the chat name a flow as their model: {@code flow:<id>}. */
  private static final String MODEL_PREFIX = "flow:";

  FlowGrid() {
    setId("flows-grid");
    addComponentColumn(FlowGrid::name)
        .setHeader(getTranslation("flows.grid.column.flow"))
        .setWidth("24rem")
        .setFlexGrow(4);
    addColumn(FlowGrid::origin)
        .setHeader(getTranslation("flows.grid.column.kind"))
        .setAutoWidth(true)
        .setFlexGrow(0);
    addColumn(FlowGrid::state)
        .setHeader(getTranslation("flows.grid.column.users"))
        .setAutoWidth(true)
        .setFlexGrow(0);
    addColumn(FlowGrid::size)
        .setHeader(getTranslation("flows.grid.column.size"))
        .setAutoWidth(true)
        .setFlexGrow(0);
    addColumn(
            f ->
                f.updatedBy() == null
                    ? ""
                    : Tr.t(
                        "flows.grid.changed-by",
                        f.updatedBy(),
                        LocalFormats.dateTime(f.updatedAt())))
        .setHeader(getTranslation("flows.grid.column.changed"))
        .setAutoWidth(true)
        .setFlexGrow(0);
    addComponentColumn(this::actions)
        .setHeader("")
        .setAutoWidth(true)
        .setFrozenToEnd(true)
        .setFlexGrow(0);
    setAllRowsVisible(true);
    setEmptyStateText(getTranslation("flows.grid.empty"));
  }

  void show(List<CompanyFlowDto> flows) {
    setItems(flows);
  }

  Registration onEdit(ComponentEventListener<EditEvent> listener) {
    return addListener(EditEvent.class, listener);
  }

  Registration onOffer(ComponentEventListener<OfferEvent> listener) {
    return addListener(OfferEvent.class, listener);
  }

  Registration onRemove(ComponentEventListener<RemoveEvent> listener) {
    return addListener(RemoveEvent.class, listener);
  }

  private static Component name(CompanyFlowDto f) {
    Span name = new Span(shownName(f));
    name.getStyle().set("font-weight", "600");
    Span id = new Span(MODEL_PREFIX + f.id());
    id.getStyle().set("color", "var(--lumo-secondary-text-color)").set("margin-left", "0.5em");
    Div description = new Div(FlowNames.description(f.id(), f.description(), f.asShipped()));
    description.getStyle().set("font-size", "var(--lumo-font-size-s)").set("white-space", "normal");
    return new Div(new Div(name, id), description);
  }

  /** The flow's name in the reader's language when it is a built-in as shipped. */
  static String shownName(CompanyFlowDto f) {
    return FlowNames.name(f.id(), f.name(), f.asShipped());
  }

  static String size(CompanyFlowDto f) {
    return Tr.t("flows.grid.size", f.steps(), f.modelCalls());
  }

  static String origin(CompanyFlowDto f) {
    return switch (f.origin()) {
      case "BUILT_IN" -> Tr.t("flows.grid.origin.built-in");
      case "EDITED" -> Tr.t("flows.grid.origin.edited", f.revision());
      default -> Tr.t("flows.grid.origin.own", f.revision());
    };
  }

  private static String state(CompanyFlowDto f) {
    if (!f.problems().isEmpty()) {
      return Tr.t("flows.grid.state.needs-fixing");
    }
    if (f.standard()) {
      return Tr.t("flows.grid.state.standard");
    }
    return f.offered() ? Tr.t("flows.grid.state.offered") : Tr.t("flows.grid.state.withdrawn");
  }

  private Component actions(CompanyFlowDto f) {
    Button edit =
        button(
            getTranslation("flows.grid.edit"),
            "edit-flow-" + f.id(),
            () -> fireEvent(new EditEvent(this, f)));
    HorizontalLayout actions = new HorizontalLayout(edit);
    if (!f.standard()) {
      actions.add(
          button(
              f.offered()
                  ? getTranslation("flows.grid.withdraw")
                  : getTranslation("flows.grid.offer"),
              "offer-flow-" + f.id(),
              () -> fireEvent(new OfferEvent(this, f, !f.offered()))));
    }
    if (!f.asShipped()) {
      actions.add(
          button(
              f.builtIn() ? getTranslation("flows.grid.reset") : getTranslation("common.delete"),
              "remove-flow-" + f.id(),
              () -> fireEvent(new RemoveEvent(this, f))));
    }
    actions.setSpacing(false);
    return actions;
  }

  private static Button button(String label, String id, Runnable action) {
    Button button = new Button(label, e -> action.run());
    button.setId(id);
    button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
    return button;
  }

  static class EditEvent extends ComponentEvent<FlowGrid> {
    final CompanyFlowDto flow;

    EditEvent(FlowGrid source, CompanyFlowDto flow) {
      super(source, false);
      this.flow = flow;
    }
  }

  static class OfferEvent extends ComponentEvent<FlowGrid> {
    final CompanyFlowDto flow;
    final boolean offered;

    OfferEvent(FlowGrid source, CompanyFlowDto flow, boolean offered) {
      super(source, false);
      this.flow = flow;
      this.offered = offered;
    }
  }

  static class RemoveEvent extends ComponentEvent<FlowGrid> {
    final CompanyFlowDto flow;

    RemoveEvent(FlowGrid source, CompanyFlowDto flow) {
      super(source, false);
      this.flow = flow;
    }
  }
}
