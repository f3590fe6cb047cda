package org.wenjin.ui.admin;

import com.vaadin.flow.component.grid.Grid;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.wenjin.audit.interfaces.UsageDto;

/**
 * The latest questions the documents did not cover. Questions are people's own words: shown as text
 * (a grid's text column never renders markup).
 */
class UnansweredGrid extends Grid<UsageDto.Unanswered> {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  UnansweredGrid() {
    setId("usage-unanswered");
    addColumn(u -> TIME.format(u.at())).setHeader("Time (UTC)").setAutoWidth(true);
    addColumn(UsageDto.Unanswered::question)
        .setHeader("Question")
        .setFlexGrow(1)
        .setTooltipGenerator(UsageDto.Unanswered::question);
    addColumn(UsageDto.Unanswered::user).setHeader("User").setAutoWidth(true);
    addColumn(u -> u.model() == null ? "—" : u.model()).setHeader("Model").setAutoWidth(true);
    setAllRowsVisible(true);
  }

  void show(UsageDto usage) {
    setEmptyStateText(
        usage.questions() == 0
            ? "No questions yet. Questions your documents cannot answer will be listed here."
            : "Every question in these days got passages from your documents.");
    setItems(usage.unanswered());
  }
}
