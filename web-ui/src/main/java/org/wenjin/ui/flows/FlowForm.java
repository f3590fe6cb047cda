package org.wenjin.ui.flows;

import static org.wenjin.platform.Jsonp.JSON;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A flow as a form: its id, name and description, and a {@link StepCard} per step, which can be
 * added, moved and removed. It reads and writes the flow's JSON; what it writes is checked and
 * saved like text (the server's checks say what is wrong, as for text). A flow with a field the
 * form cannot show is not opened in it ({@link #unknownIn}), so switching never drops anything.
 */
class FlowForm extends VerticalLayout {

  private static final Set<String> FLOW_FIELDS = Set.of("id", "name", "description", "steps");

  private final TextField id = new TextField(getTranslation("flows.form.id"));
  private final TextField name = new TextField(getTranslation("flows.form.name"));
  private final TextArea description = new TextArea(getTranslation("flows.form.description"));
  private final VerticalLayout steps = new VerticalLayout();
  private final Select<String> newType = new Select<>();
  private final List<StepCard> cards = new ArrayList<>();

  FlowForm() {
    setId("flow-form");
    setPadding(false);
    id.setId("flow-form-id");
    id.setRequired(true);
    id.setHelperText(getTranslation("flows.form.id.help"));
    name.setId("flow-form-name");
    name.setRequired(true);
    name.setWidthFull();
    description.setId("flow-form-description");
    description.setWidthFull();
    steps.setPadding(false);
    newType.setId("flow-form-new-type");
    newType.setItems(StepCard.TYPES);
    newType.setItemLabelGenerator(StepCard::typeLabel);
    newType.setValue("generate");
    newType.setAriaLabel(getTranslation("flows.form.new-type"));
    Button add =
        new Button(
            getTranslation("flows.form.add"),
            VaadinIcon.PLUS.create(),
            e -> addBeforeAnswer(new StepCard(newType.getValue())));
    add.setId("flow-form-add");
    HorizontalLayout adding = new HorizontalLayout(newType, add);
    adding.setAlignItems(FlexComponent.Alignment.BASELINE);
    HorizontalLayout head = new HorizontalLayout(id, name);
    head.setWidthFull();
    head.setFlexGrow(1, name);
    add(head, description, steps, adding);
  }

  /** A saved flow keeps its id (a new id is a new flow): shown, not editable. */
  void keepId() {
    id.setReadOnly(true);
  }

  /**
   * The fields of {@code flow} the form cannot show ({@code "steps[2].tools"}, {@code "steps"} when
   * it is not a list of objects); empty when it shows the whole flow.
   */
  static List<String> unknownIn(JsonObject flow) {
    List<String> unknown = new ArrayList<>();
    flow.forEach(
        (field, value) -> {
          boolean text = value instanceof JsonString;
          if (!FLOW_FIELDS.contains(field) || (!field.equals("steps") && !text)) {
            unknown.add(field);
          }
        });
    if (flow.get("steps") instanceof JsonArray list) {
      for (int i = 0; i < list.size(); i++) {
        String where = "steps[" + i + "]";
        if (!(list.get(i) instanceof JsonObject step)) {
          unknown.add(where);
          continue;
        }
        if (!StepCard.showable("type", step.get("type"))) {
          unknown.add(where + ".type");
        }
        step.forEach(
            (field, value) -> {
              if (!field.equals("type")
                  && (!StepCard.KNOWN.contains(field) || !StepCard.showable(field, value))) {
                unknown.add(where + "." + field);
              }
            });
      }
    } else if (flow.containsKey("steps")) {
      unknown.add("steps");
    }
    return unknown;
  }

  /** Shows {@code flow}, which {@link #unknownIn} found the form can show whole. */
  void show(JsonObject flow) {
    id.setValue(flow.getString("id", ""));
    name.setValue(flow.getString("name", ""));
    description.setValue(flow.getString("description", ""));
    cards.clear();
    if (flow.get("steps") instanceof JsonArray list) {
      list.getValuesAs(JsonObject.class).forEach(step -> cards.add(wired(StepCard.of(step))));
    }
    relayout();
  }

  /** The flow as JSON, the fields left empty left out (the checks name what is missing). */
  JsonObject json() {
    var flow = JSON.createObjectBuilder().add("id", id.getValue().strip());
    flow.add("name", name.getValue().strip());
    if (!description.getValue().isBlank()) {
      flow.add("description", description.getValue().strip());
    }
    JsonArrayBuilder list = JSON.createArrayBuilder();
    cards.forEach(card -> list.add(card.json()));
    return flow.add("steps", list).build();
  }

  /** A new step goes before the answer, which stays last. */
  private void addBeforeAnswer(StepCard card) {
    int at = cards.size();
    if (at > 0 && "answer".equals(cards.get(at - 1).stepType())) {
      at--;
    }
    cards.add(at, wired(card));
    relayout();
  }

  private StepCard wired(StepCard card) {
    card.onMove(
        e -> {
          int from = cards.indexOf(e.getSource());
          int to = from + e.by;
          if (to >= 0 && to < cards.size()) {
            cards.add(to, cards.remove(from));
            relayout();
          }
        });
    card.onRemove(
        e -> {
          cards.remove(e.getSource());
          relayout();
        });
    card.onShapeChanged(e -> offerChoices());
    return card;
  }

  private void relayout() {
    steps.removeAll();
    for (int i = 0; i < cards.size(); i++) {
      cards.get(i).place(i + 1, cards.size());
      steps.add(cards.get(i));
    }
    offerChoices();
  }

  /** Each step may loop over and cite only what the steps before it produce. */
  private void offerChoices() {
    List<String> lists = new ArrayList<>();
    List<String> retrieves = new ArrayList<>();
    for (StepCard card : cards) {
      card.offer(List.copyOf(lists), List.copyOf(retrieves));
      String stepId = card.stepId();
      if (stepId.isEmpty() || card.stepType() == null) {
        continue;
      }
      switch (card.stepType()) {
        case "retrieve" -> {
          lists.add(stepId + ".passages");
          retrieves.add(stepId);
        }
        case "generate" -> lists.add(stepId + ".lines");
        default -> {}
      }
    }
  }
}
