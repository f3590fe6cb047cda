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
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.wenjin.chat.interfaces.CompanyFlowDto;

/**
 * The company's flows: what each is, where it comes from, whether users are offered it, and its
 * actions (edit; offer or withdraw; reset a built-in or delete an own flow), each fired as an
 * event. Names and descriptions are admins' words, shown as text.
 */
class FlowGrid extends Grid<CompanyFlowDto> {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  FlowGrid() {
    setId("flows-grid");
    addComponentColumn(FlowGrid::name).setHeader("Flow").setWidth("24rem").setFlexGrow(4);
    addColumn(FlowGrid::origin).setHeader("Kind").setAutoWidth(true).setFlexGrow(0);
    addColumn(FlowGrid::state).setHeader("Users").setAutoWidth(true).setFlexGrow(0);
    addColumn(FlowGrid::size).setHeader("Size").setAutoWidth(true).setFlexGrow(0);
    addColumn(f -> f.updatedBy() == null ? "" : f.updatedBy() + ", " + TIME.format(f.updatedAt()))
        .setHeader("Changed")
        .setAutoWidth(true)
        .setFlexGrow(0);
    addComponentColumn(this::actions).setHeader("").setAutoWidth(true).setFlexGrow(0);
    setAllRowsVisible(true);
    setEmptyStateText("No flows.");
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
    Span name = new Span(f.name());
    name.getStyle().set("font-weight", "600");
    Span id = new Span("flow:" + f.id());
    id.getStyle().set("color", "var(--lumo-secondary-text-color)").set("margin-left", "0.5em");
    Div description = new Div(f.description());
    description.getStyle().set("font-size", "var(--lumo-font-size-s)").set("white-space", "normal");
    return new Div(new Div(name, id), description);
  }

  static String size(CompanyFlowDto f) {
    return (f.steps() == 1 ? "1 step" : f.steps() + " steps")
        + ", \u2264 "
        + (f.modelCalls() == 1 ? "1 model call" : f.modelCalls() + " model calls");
  }

  static String origin(CompanyFlowDto f) {
    return switch (f.origin()) {
      case "BUILT_IN" -> "Built in";
      case "EDITED" -> "Built in, edited (revision " + f.revision() + ")";
      default -> "Your own (revision " + f.revision() + ")";
    };
  }

  private static String state(CompanyFlowDto f) {
    if (!f.problems().isEmpty()) {
      return "Needs fixing";
    }
    if (f.standard()) {
      return "Offered (standard)";
    }
    return f.offered() ? "Offered" : "Withdrawn";
  }

  private Component actions(CompanyFlowDto f) {
    Button edit = button("Edit", "edit-flow-" + f.id(), () -> fireEvent(new EditEvent(this, f)));
    HorizontalLayout actions = new HorizontalLayout(edit);
    if (!f.standard()) {
      actions.add(
          button(
              f.offered() ? "Withdraw" : "Offer",
              "offer-flow-" + f.id(),
              () -> fireEvent(new OfferEvent(this, f, !f.offered()))));
    }
    if (!f.origin().equals("BUILT_IN")) {
      actions.add(
          button(
              f.builtIn() ? "Reset" : "Delete",
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
