package org.wenjin.ui.flows;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.shared.Registration;
import jakarta.json.JsonObject;
import java.util.List;
import org.wenjin.chat.domain.flow.FlowSource;

/**
 * Edits one flow as a form of its steps or as text, YAML or JSON (switching converts what is
 * written), checks it ("Check" lists every problem with where it is), dry-runs it, and saves it.
 * Each action fires an event the view answers; a refused save leaves the dialog open with the
 * problems shown.
 */
class FlowEditorDialog extends Dialog {

  /** How the flow is shown: the form writes JSON. */
  enum Mode {
    FORM("flows.editor.mode.form"),
    YAML("flows.editor.mode.yaml"),
    JSON("flows.editor.mode.json");

    final String label;

    Mode(String label) {
      this.label = label;
    }

    FlowSource.Format format() {
      return this == YAML ? FlowSource.Format.YAML : FlowSource.Format.JSON;
    }

    static Mode of(FlowSource.Format format) {
      return format == FlowSource.Format.YAML ? YAML : JSON;
    }
  }

  private final RadioButtonGroup<Mode> format =
      new RadioButtonGroup<>(getTranslation("flows.editor.format"));
  private final TextArea text = new TextArea();
  private final FlowForm form = new FlowForm();
  private final Checkbox offered = new Checkbox(getTranslation("flows.editor.offered"));
  private final FlowProblems problems = new FlowProblems();
  private final DryRunPanel dryRun = new DryRunPanel();

  /**
   * The flow being edited and the revision the editor opened, which its save is based on; {@link
   * #NEW} for a new flow (its id is the one its text names).
   */
  record Edited(String flowId, Integer revision) {
    static final Edited NEW = new Edited(null, null);
  }

  private final Edited edited;
  private Mode shown;

  /** The mode a conversion asked for is on its way to; null when none is. */
  private Mode asked;

  FlowEditorDialog(
      String title,
      Edited edited,
      String source,
      FlowSource.Format sourceFormat,
      boolean offer,
      boolean standard) {
    this.edited = edited;
    this.shown = Mode.of(sourceFormat);
    setId("flow-editor");
    setHeaderTitle(title);
    setWidth("min(90rem, 98vw)");
    format.setId("flow-format");
    format.setItems(Mode.values());
    format.setItemLabelGenerator(m -> getTranslation(m.label));
    format.setValue(shown);
    format.addValueChangeListener(
        e -> {
          if (e.isFromClient() && e.getValue() != null && e.getValue() != shown) {
            asked = e.getValue();
            fireEvent(new ConvertEvent(this, text(), asked.format()));
          }
        });
    form.setVisible(false);
    if (edited.flowId() != null) {
      form.keepId();
    }
    text.setId("flow-text");
    text.setWidthFull();
    text.setHeight("26em");
    text.setMaxLength(FlowSource.MAX_LENGTH);
    text.getStyle().set("font-family", "var(--lumo-font-family-monospace, monospace)");
    text.setValue(source);
    text.setHelperText(
        getTranslation(
            "flows.editor.help", "{{question}}", "{{history}}", "{{company}}", "{{language}}"));
    offered.setId("flow-offered");
    offered.setValue(offer);
    offered.setEnabled(!standard);
    if (standard) {
      offered.setHelperText(getTranslation("flows.editor.offered.standard"));
    }
    VerticalLayout body =
        new VerticalLayout(
            new Paragraph(
                standard
                    ? getTranslation("flows.editor.intro.standard")
                    : getTranslation("flows.editor.intro")),
            format,
            problems,
            sideBySide(new VerticalLayout(form, text, offered), dryRun));
    body.setPadding(false);
    add(body);
    Button check =
        new Button(
            getTranslation("flows.editor.check"), e -> fireEvent(new CheckEvent(this, text())));
    check.setId("flow-check");
    Button cancel = new Button(getTranslation("common.close"), e -> close());
    cancel.setId("flow-cancel");
    Button save =
        new Button(
            getTranslation("common.save"),
            e -> fireEvent(new SaveEvent(this, edited, text(), offered.getValue())));
    save.setId("flow-save");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    getFooter().add(check, cancel, save);
  }

  /** The text and the dry run beside it, one under the other on a narrow screen. */
  private static FlexLayout sideBySide(VerticalLayout editing, DryRunPanel running) {
    editing.setPadding(false);
    FlexLayout both = new FlexLayout(editing, running);
    both.setFlexWrap(FlexLayout.FlexWrap.WRAP);
    both.setWidthFull();
    both.getStyle().set("gap", "var(--lumo-space-l)");
    both.setFlexBasis("28rem", editing, running);
    both.setFlexGrow(3, editing);
    both.setFlexGrow(2, running);
    return both;
  }

  DryRunPanel dryRun() {
    return dryRun;
  }

  /** The flow as written: the text, or the form's JSON. */
  String text() {
    return shown == Mode.FORM ? FlowSource.prettyJson(form.json()) : text.getValue();
  }

  /** The flow converted to {@code now}, shown in the mode asked for (the form for its JSON). */
  void showText(String converted, FlowSource.Format now) {
    Mode to = asked != null && asked.format() == now ? asked : Mode.of(now);
    asked = null;
    if (to == Mode.FORM) {
      JsonObject flow = FlowSource.json(converted);
      List<String> unknown = FlowForm.unknownIn(flow);
      if (!unknown.isEmpty()) {
        keepFormat(List.of(getTranslation("flows.form.cannot-show", String.join(", ", unknown))));
        return;
      }
      form.show(flow);
    } else {
      text.setValue(converted);
    }
    shown = to;
    format.setValue(to);
    form.setVisible(to == Mode.FORM);
    text.setVisible(to != Mode.FORM);
    problems.clear();
  }

  /** The switch did not happen: the text is not yet a readable flow. */
  void keepFormat(List<String> why) {
    asked = null;
    format.setValue(shown);
    problems.show(why);
  }

  void showProblems(List<String> found) {
    problems.show(found);
  }

  Registration onConvert(ComponentEventListener<ConvertEvent> listener) {
    return addListener(ConvertEvent.class, listener);
  }

  Registration onCheck(ComponentEventListener<CheckEvent> listener) {
    return addListener(CheckEvent.class, listener);
  }

  Registration onSave(ComponentEventListener<SaveEvent> listener) {
    return addListener(SaveEvent.class, listener);
  }

  static class ConvertEvent extends ComponentEvent<FlowEditorDialog> {
    final String text;
    final FlowSource.Format to;

    ConvertEvent(FlowEditorDialog source, String text, FlowSource.Format to) {
      super(source, true);
      this.text = text;
      this.to = to;
    }
  }

  static class CheckEvent extends ComponentEvent<FlowEditorDialog> {
    final String text;

    CheckEvent(FlowEditorDialog source, String text) {
      super(source, true);
      this.text = text;
    }
  }

  static class SaveEvent extends ComponentEvent<FlowEditorDialog> {
    final String flowId;
    final Integer basedOn;
    final String text;
    final boolean offered;

    SaveEvent(FlowEditorDialog source, Edited edited, String text, boolean offered) {
      super(source, true);
      this.flowId = edited.flowId();
      this.basedOn = edited.revision();
      this.text = text;
      this.offered = offered;
    }
  }
}
