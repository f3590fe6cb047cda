package org.wenjin.ui.admin;

import com.vaadin.flow.component.grid.Grid;
import org.wenjin.audit.interfaces.UsageDto;
import org.wenjin.ui.i18n.LocalFormats;

/**
 * The latest questions the documents did not cover. Questions are people's own words: shown as text
 * (a grid's text column never renders markup).
 */
class UnansweredGrid extends Grid<UsageDto.Unanswered> {

  UnansweredGrid() {
    setId("usage-unanswered");
    addColumn(u -> LocalFormats.dateTime(u.at()))
        .setHeader(getTranslation("admin.usage.unanswered.column.time"))
        .setAutoWidth(true);
    addColumn(UsageDto.Unanswered::question)
        .setHeader(getTranslation("admin.usage.unanswered.column.question"))
        .setFlexGrow(1)
        .setTooltipGenerator(UsageDto.Unanswered::question);
    addColumn(UsageDto.Unanswered::user)
        .setHeader(getTranslation("admin.usage.unanswered.column.user"))
        .setAutoWidth(true);
    addColumn(u -> u.model() == null ? "—" : u.model())
        .setHeader(getTranslation("admin.usage.unanswered.column.model"))
        .setAutoWidth(true);
    setAllRowsVisible(true);
  }

  void show(UsageDto usage) {
    setEmptyStateText(
        usage.questions() == 0
            ? getTranslation("admin.usage.unanswered.empty.no-questions")
            : getTranslation("admin.usage.unanswered.empty"));
    setItems(usage.unanswered());
  }
}
