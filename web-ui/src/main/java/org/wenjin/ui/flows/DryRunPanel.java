package org.wenjin.ui.flows;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import org.wenjin.chat.interfaces.DryRunDto;
import org.wenjin.platform.text.RuleMessage;
import org.wenjin.ui.chat.FlowSteps;
import org.wenjin.ui.i18n.Tr;

/**
 * A dry run of the flow being edited: a sample question, the step running now, the answer as it
 * streams, and at the end each step's prompt and output. "Dry run" and "Stop" fire events; the view
 * runs it and reports back here (from the UI's thread). Model text is shown as text.
 */
class DryRunPanel extends VerticalLayout {

  private final TextField question = new TextField(getTranslation("flows.dry-run.question"));
  private final Button run = new Button(getTranslation("flows.dry-run.run"));
  private final Button stop = new Button(getTranslation("flows.dry-run.stop"));
  private final Span progress = new Span();
  private final Pre answer = new Pre();
  private final FlowSteps steps = new FlowSteps("dry-run-steps");
  private final StringBuilder text = new StringBuilder();

  DryRunPanel() {
    setId("dry-run-panel");
    setPadding(false);
    question.setId("dry-run-question");
    question.setWidthFull();
    question.setMaxLength(8000);
    question.setPlaceholder(getTranslation("flows.dry-run.question.placeholder"));
    run.setId("dry-run");
    stop.setId("dry-run-stop");
    stop.setEnabled(false);
    run.addClickListener(e -> fireEvent(new RunEvent(this, question.getValue())));
    stop.addClickListener(e -> fireEvent(new StopEvent(this)));
    progress.setId("dry-run-progress");
    answer.setId("dry-run-answer");
    answer
        .getStyle()
        .set("white-space", "pre-wrap")
        .set("max-height", "16em")
        .set("overflow", "auto");
    answer.setVisible(false);
    HorizontalLayout ask = new HorizontalLayout(run, stop);
    add(
        new H3(getTranslation("flows.dry-run.heading")),
        new Span(getTranslation("flows.dry-run.intro")),
        question,
        ask,
        progress,
        answer,
        steps);
  }

  Registration onRun(ComponentEventListener<RunEvent> listener) {
    return addListener(RunEvent.class, listener);
  }

  Registration onStop(ComponentEventListener<StopEvent> listener) {
    return addListener(StopEvent.class, listener);
  }

  void started() {
    text.setLength(0);
    answer.setText("");
    answer.setVisible(false);
    steps.show(null, null);
    progress.setText(getTranslation("flows.dry-run.starting"));
    run.setEnabled(false);
    stop.setEnabled(true);
  }

  void step(int number, int total, RuleMessage label) {
    progress.setText(getTranslation("flows.dry-run.step", number, total, label.in(Tr.locale())));
  }

  void text(String piece) {
    text.append(piece);
    answer.setText(text.toString());
    answer.setVisible(true);
  }

  void finished(DryRunDto result) {
    run.setEnabled(true);
    stop.setEnabled(false);
    progress.setText(
        switch (result.status()) {
          case "COMPLETE" -> getTranslation("flows.dry-run.done", result.citations().size());
          case "STOPPED" -> getTranslation("flows.dry-run.stopped");
          default ->
              getTranslation(
                  "flows.dry-run.failed",
                  result.error() == null ? "" : result.error().in(Tr.locale()));
        });
    answer.setText(result.answer());
    answer.setVisible(!result.answer().isEmpty());
    steps.show(result.flowId(), result.flowTrace());
    steps.setOpened(true);
  }

  /** The run could not start (a check failed, a quota): ready for another try. */
  void refused() {
    run.setEnabled(true);
    stop.setEnabled(false);
    progress.setText("");
  }

  static class RunEvent extends ComponentEvent<DryRunPanel> {
    final String question;

    RunEvent(DryRunPanel source, String question) {
      super(source, false);
      this.question = question;
    }
  }

  static class StopEvent extends ComponentEvent<DryRunPanel> {
    StopEvent(DryRunPanel source) {
      super(source, false);
    }
  }
}
