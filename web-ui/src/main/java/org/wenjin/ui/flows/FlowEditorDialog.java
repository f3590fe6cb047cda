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
import java.util.List;
import org.wenjin.chat.domain.flow.FlowSource;

/**
 * Edits one flow as text, JSON or YAML (switching converts what is written), checks it ("Check"
 * lists every problem with where it is), dry-runs it, and saves it. Each action fires an event the
 * view answers; a refused save leaves the dialog open with the problems shown.
 */
class FlowEditorDialog extends Dialog {

  private final RadioButtonGroup<FlowSource.Format> format =
      new RadioButtonGroup<>(getTranslation("flows.editor.format"));
  private final TextArea text = new TextArea();
  private final Checkbox offered = new Checkbox(getTranslation("flows.editor.offered"));
  private final FlowProblems problems = new FlowProblems();
  private final DryRunPanel dryRun = new DryRunPanel();
  private final String flowId;
  private FlowSource.Format shown;

  /**
   * @param flowId the flow being edited; null for a new one (its id is the one its text names)
   */
  FlowEditorDialog(
      String title,
      String flowId,
      String source,
      FlowSource.Format sourceFormat,
      boolean offer,
      boolean standard) {
    this.flowId = flowId;
    this.shown = sourceFormat;
    setId("flow-editor");
    setHeaderTitle(title);
    setWidth("min(90rem, 98vw)");
    format.setId("flow-format");
    format.setItems(FlowSource.Format.values());
    format.setItemLabelGenerator(f -> f == FlowSource.Format.JSON ? "JSON" : "YAML");
    format.setValue(sourceFormat);
    format.addValueChangeListener(
        e -> {
          if (e.isFromClient() && e.getValue() != null && e.getValue() != shown) {
            fireEvent(new ConvertEvent(this, text.getValue(), e.getValue()));
          }
        });
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
            sideBySide(new VerticalLayout(text, offered), dryRun));
    body.setPadding(false);
    add(body);
    Button check =
        new Button(
            getTranslation("flows.editor.check"),
            e -> fireEvent(new CheckEvent(this, text.getValue())));
    check.setId("flow-check");
    Button cancel = new Button(getTranslation("common.close"), e -> close());
    cancel.setId("flow-cancel");
    Button save =
        new Button(
            getTranslation("common.save"),
            e -> fireEvent(new SaveEvent(this, this.flowId, text.getValue(), offered.getValue())));
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

  String text() {
    return text.getValue();
  }

  void showText(String converted, FlowSource.Format now) {
    shown = now;
    format.setValue(now);
    text.setValue(converted);
    problems.clear();
  }

  /** The switch did not happen: the text is not yet a readable flow. */
  void keepFormat(List<String> why) {
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
    final String text;
    final boolean offered;

    SaveEvent(FlowEditorDialog source, String flowId, String text, boolean offered) {
      super(source, true);
      this.flowId = flowId;
      this.text = text;
      this.offered = offered;
    }
  }
}
