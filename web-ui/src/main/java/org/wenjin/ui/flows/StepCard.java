package org.wenjin.ui.flows;

import static org.wenjin.platform.Jsonp.JSON;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wenjin.ui.i18n.Tr;

/**
 * One step of a flow as a form: its type and id, and the fields of that type (a retrieve step's
 * query, number of passages and collections; a model call's prompt, system prompt, model, token
 * limit and temperature; a loop's list and bound; the answer's passages to cite). Fires {@link
 * MoveEvent}, {@link RemoveEvent} and {@link ShapeChanged} (type or id: the later steps' choices of
 * what to loop over and cite change with them).
 */
class StepCard extends VerticalLayout {

  private static final String QUESTION = "{{question}}";

  static final List<String> TYPES = List.of("retrieve", "generate", "for_each", "answer");

  /** Each type's label: what it does. */
  private static final Map<String, String> TYPE_LABELS =
      Map.of(
          "retrieve", "flows.form.type.retrieve",
          "generate", "flows.form.type.generate",
          "for_each", "flows.form.type.for_each",
          "answer", "flows.form.type.answer");

  /** The fields each type reads, in the order they are written; all but id and type optional. */
  private static final Map<String, List<String>> FIELDS =
      Map.of(
          "retrieve", List.of("query", "k", "collections"),
          "generate", List.of("prompt", "system", "model", "max_tokens", "temperature"),
          "for_each",
              List.of("over", "max", "prompt", "system", "model", "max_tokens", "temperature"),
          "answer", List.of("cite", "prompt", "system", "model", "max_tokens", "temperature"));

  /** Every field a step can have: what the form can show. */
  static final Set<String> KNOWN =
      Set.of(
          "id",
          "type",
          "query",
          "k",
          "collections",
          "over",
          "max",
          "cite",
          "prompt",
          "system",
          "model",
          "max_tokens",
          "temperature");

  private final Span number = new Span();
  private final Select<String> type = new Select<>();
  private final TextField id = new TextField(getTranslation("flows.form.step.id"));
  private final TextField query = new TextField(getTranslation("flows.form.step.query"));
  private final IntegerField k = new IntegerField(getTranslation("flows.form.step.k"));
  private final TextField collections =
      new TextField(getTranslation("flows.form.step.collections"));
  private final ComboBox<String> over = new ComboBox<>(getTranslation("flows.form.step.over"));
  private final IntegerField max = new IntegerField(getTranslation("flows.form.step.max"));
  private final ComboBox<String> cite = new ComboBox<>(getTranslation("flows.form.step.cite"));
  private final TextArea prompt = new TextArea(getTranslation("flows.form.step.prompt"));
  private final TextArea system = new TextArea(getTranslation("flows.form.step.system"));
  private final TextField model = new TextField(getTranslation("flows.form.step.model"));
  private final IntegerField maxTokens =
      new IntegerField(getTranslation("flows.form.step.max-tokens"));
  private final NumberField temperature =
      new NumberField(getTranslation("flows.form.step.temperature"));
  private final Button up = new Button(VaadinIcon.ARROW_UP.create());
  private final Button down = new Button(VaadinIcon.ARROW_DOWN.create());
  private final Button remove = new Button(VaadinIcon.TRASH.create());
  private final Map<String, HasValue<?, ?>> byName =
      Map.ofEntries(
          Map.entry("query", query),
          Map.entry("k", k),
          Map.entry("collections", collections),
          Map.entry("over", over),
          Map.entry("max", max),
          Map.entry("cite", cite),
          Map.entry("prompt", prompt),
          Map.entry("system", system),
          Map.entry("model", model),
          Map.entry("max_tokens", maxTokens),
          Map.entry("temperature", temperature));

  StepCard(String stepType) {
    setPadding(true);
    setSpacing(false);
    getStyle()
        .set("border", "1px solid var(--lumo-contrast-20pct)")
        .set("border-radius", "var(--lumo-border-radius-m)");
    type.setLabel(getTranslation("flows.form.step.type"));
    type.setItems(TYPES);
    type.setItemLabelGenerator(StepCard::typeLabel);
    type.setValue(stepType);
    type.addValueChangeListener(
        e -> {
          showFieldsOf(e.getValue());
          fireEvent(new ShapeChanged(this));
        });
    id.setRequired(true);
    id.addValueChangeListener(e -> fireEvent(new ShapeChanged(this)));
    query.setPlaceholder(QUESTION);
    query.setHelperText(getTranslation("flows.form.step.query.help"));
    collections.setHelperText(getTranslation("flows.form.step.collections.help"));
    k.setMin(1);
    k.setStepButtonsVisible(true);
    max.setMin(1);
    max.setStepButtonsVisible(true);
    over.setAllowCustomValue(true);
    over.addCustomValueSetListener(e -> over.setValue(e.getDetail()));
    over.setHelperText(getTranslation("flows.form.step.over.help"));
    cite.setAllowCustomValue(true);
    cite.addCustomValueSetListener(e -> cite.setValue(e.getDetail()));
    cite.setClearButtonVisible(true);
    cite.setHelperText(getTranslation("flows.form.step.cite.help"));
    prompt.setRequired(true);
    prompt.setWidthFull();
    system.setWidthFull();
    prompt.setMinHeight("7em");
    system.setHelperText(getTranslation("flows.form.step.system.help"));
    model.setHelperText(getTranslation("flows.form.step.model.help"));
    temperature.setMin(0);
    temperature.setMax(2);
    temperature.setStep(0.1);
    up.setTooltipText(getTranslation("flows.form.step.up"));
    up.getElement().setAttribute("aria-label", getTranslation("flows.form.step.up"));
    up.addClickListener(e -> fireEvent(new MoveEvent(this, -1)));
    down.setTooltipText(getTranslation("flows.form.step.down"));
    down.getElement().setAttribute("aria-label", getTranslation("flows.form.step.down"));
    down.addClickListener(e -> fireEvent(new MoveEvent(this, 1)));
    remove.setTooltipText(getTranslation("flows.form.step.remove"));
    remove.getElement().setAttribute("aria-label", getTranslation("flows.form.step.remove"));
    remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
    remove.addClickListener(e -> fireEvent(new RemoveEvent(this)));
    for (Button b : List.of(up, down, remove)) {
      b.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
    }
    number.getStyle().set("font-weight", "600").set("white-space", "nowrap");
    type.setMinWidth("17em"); // "for_each: a model call per item" in full
    HorizontalLayout head = new HorizontalLayout(number, type, id, up, down, remove);
    head.setAlignItems(FlexComponent.Alignment.BASELINE);
    head.setWidthFull();
    FormLayout fields =
        new FormLayout(query, k, collections, over, max, cite, model, maxTokens, temperature);
    fields.setResponsiveSteps(
        new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 3));
    fields.setColspan(query, 3);
    fields.setColspan(collections, 3);
    add(head, fields, prompt, system);
    showFieldsOf(stepType);
  }

  /** A card for one step of a flow's JSON, which {@link FlowForm#unknownIn} found readable. */
  static StepCard of(JsonObject step) {
    StepCard card = new StepCard(step.getString("type"));
    card.id.setValue(step.getString("id", ""));
    card.query.setValue(step.getString("query", ""));
    card.k.setValue(whole(step, "k"));
    if (step.get("collections") instanceof JsonArray names) {
      card.collections.setValue(
          String.join(
              ", ",
              names.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList()));
    }
    card.choose(card.over, step.getString("over", null));
    card.max.setValue(whole(step, "max"));
    card.choose(card.cite, step.getString("cite", null));
    card.prompt.setValue(step.getString("prompt", ""));
    card.system.setValue(step.getString("system", ""));
    card.model.setValue(step.getString("model", ""));
    card.maxTokens.setValue(whole(step, "max_tokens"));
    if (step.get("temperature") instanceof JsonNumber t) {
      card.temperature.setValue(t.doubleValue());
    }
    return card;
  }

  /** The step's JSON: its id and type, then the fields its type reads that are filled in. */
  JsonObject json() {
    String stepType = type.getValue();
    JsonObjectBuilder step = JSON.createObjectBuilder().add("id", id.getValue().strip());
    step.add("type", stepType == null ? "" : stepType);
    for (String field : stepType == null ? List.<String>of() : FIELDS.get(stepType)) {
      switch (byName.get(field).getValue()) {
        case Integer n -> step.add(field, n);
        case Double d when d % 1 == 0 -> step.add(field, d.longValue()); // 1, not 1.0
        case Double d -> step.add(field, d);
        case String s when field.equals("collections") -> {
          List<String> names =
              Arrays.stream(s.split(",")).map(String::strip).filter(n -> !n.isEmpty()).toList();
          if (!names.isEmpty()) {
            step.add(field, JSON.createArrayBuilder(names));
          }
        }
        case String s when !s.isBlank() -> step.add(field, field.equals("prompt") ? s : s.strip());
        case null, default -> {}
      }
    }
    return step.build();
  }

  static String typeLabel(String stepType) {
    return Tr.t(TYPE_LABELS.get(stepType));
  }

  String stepId() {
    return id.getValue().strip();
  }

  String stepType() {
    return type.getValue();
  }

  /** Its place in the flow (from 1), which also names its fields for tests and assistive tools. */
  void place(int index, int of) {
    number.setText(getTranslation("flows.form.step.number", index));
    setId("flow-step-" + index);
    type.setId("flow-step-" + index + "-type");
    id.setId("flow-step-" + index + "-id");
    byName.forEach(
        (name, field) ->
            ((com.vaadin.flow.component.Component) field)
                .setId("flow-step-" + index + "-" + name.replace('_', '-')));
    up.setId("flow-step-" + index + "-up");
    down.setId("flow-step-" + index + "-down");
    remove.setId("flow-step-" + index + "-remove");
    up.setEnabled(index > 1);
    down.setEnabled(index < of);
    remove.setEnabled(of > 1);
  }

  /** What a loop may go over and an answer may cite: the outputs of the steps before this one. */
  void offer(List<String> lists, List<String> retrieves) {
    choices(over, lists);
    choices(cite, retrieves);
  }

  private static void choices(ComboBox<String> box, List<String> items) {
    String current = box.getValue();
    List<String> all = new ArrayList<>(items);
    if (current != null && !current.isEmpty() && !all.contains(current)) {
      all.add(current); // kept as written: Check says why it is wrong
    }
    box.setItems(all);
    box.setValue(current);
  }

  private void choose(ComboBox<String> box, String value) {
    if (value != null) {
      box.setItems(List.of(value));
      box.setValue(value);
    }
  }

  private void showFieldsOf(String stepType) {
    List<String> shown = stepType == null ? List.of() : FIELDS.get(stepType);
    byName.forEach(
        (name, field) ->
            ((com.vaadin.flow.component.Component) field).setVisible(shown.contains(name)));
  }

  private static Integer whole(JsonObject step, String field) {
    return step.get(field) instanceof JsonNumber n ? n.intValue() : null;
  }

  /** Whether a value of the JSON is one the field named {@code field} can show. */
  static boolean showable(String field, JsonValue value) {
    return switch (field) {
      case "k", "max", "max_tokens" -> value instanceof JsonNumber n && n.isIntegral();
      case "temperature" -> value instanceof JsonNumber;
      case "collections" ->
          value instanceof JsonArray a && a.stream().allMatch(v -> v instanceof JsonString);
      case "type" -> value instanceof JsonString s && TYPES.contains(s.getString());
      default -> value instanceof JsonString;
    };
  }

  Registration onMove(ComponentEventListener<MoveEvent> listener) {
    return addListener(MoveEvent.class, listener);
  }

  Registration onRemove(ComponentEventListener<RemoveEvent> listener) {
    return addListener(RemoveEvent.class, listener);
  }

  Registration onShapeChanged(ComponentEventListener<ShapeChanged> listener) {
    return addListener(ShapeChanged.class, listener);
  }

  /** Up (-1) or down (+1) one place. */
  static class MoveEvent extends ComponentEvent<StepCard> {
    final int by;

    MoveEvent(StepCard source, int by) {
      super(source, true);
      this.by = by;
    }
  }

  static class RemoveEvent extends ComponentEvent<StepCard> {
    RemoveEvent(StepCard source) {
      super(source, true);
    }
  }

  /** The step's type or id changed. */
  static class ShapeChanged extends ComponentEvent<StepCard> {
    ShapeChanged(StepCard source) {
      super(source, true);
    }
  }
}
