package org.wenjin.ui.admin;

import com.vaadin.flow.component.grid.Grid;
import org.wenjin.audit.interfaces.UsageDto;

/** Each model's questions and how its answers were rated. */
class ModelUsageGrid extends Grid<UsageDto.Model> {

  ModelUsageGrid() {
    setId("usage-models");
    addColumn(m -> m.model() == null ? "(none recorded)" : m.model())
        .setHeader("Model")
        .setFlexGrow(1);
    addColumn(m -> UsageFormat.count(m.questions())).setHeader("Questions").setAutoWidth(true);
    addColumn(m -> UsageFormat.count(m.ratings())).setHeader("Ratings").setAutoWidth(true);
    addColumn(m -> UsageFormat.rating(m.averageRating()))
        .setHeader("Average rating")
        .setAutoWidth(true);
    setAllRowsVisible(true);
    setEmptyStateText("No questions yet. Once people ask in Chat, each model they use shows here.");
  }

  void show(UsageDto usage) {
    setItems(usage.models());
  }
}
