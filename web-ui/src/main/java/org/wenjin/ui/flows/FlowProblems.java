package org.wenjin.ui.flows;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.List;

/** What the checks found in the flow being edited, each problem with where it is; or that none. */
class FlowProblems extends Div {

  private final Span summary = new Span();
  private final UnorderedList list = new UnorderedList();

  FlowProblems() {
    setId("flow-problems");
    list.setId("flow-problem-list");
    add(summary, list);
    setVisible(false);
  }

  void show(List<String> problems) {
    list.removeAll();
    problems.forEach(p -> list.add(new ListItem(p)));
    summary.setText(
        problems.isEmpty()
            ? getTranslation("flows.problems.none")
            : getTranslation("flows.problems.some", problems.size()));
    getStyle()
        .set(
            "color",
            problems.isEmpty() ? "var(--lumo-success-text-color)" : "var(--lumo-error-text-color)");
    setVisible(true);
  }

  void clear() {
    setVisible(false);
  }
}
