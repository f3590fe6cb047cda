package org.wenjin.ui.admin;

import com.vaadin.flow.component.grid.Grid;
import org.wenjin.audit.interfaces.UsageDto;

/** Each model's questions and how its answers were rated. */
class ModelUsageGrid extends Grid<UsageDto.Model> {

  ModelUsageGrid() {
    setId("usage-models");
    addColumn(
            m -> m.model() == null ? getTranslation("admin.usage.models.none-recorded") : m.model())
        .setHeader(getTranslation("admin.usage.models.column.model"))
        .setFlexGrow(1);
    addColumn(m -> UsageFormat.count(m.questions()))
        .setHeader(getTranslation("admin.usage.models.column.questions"))
        .setAutoWidth(true);
    addColumn(m -> UsageFormat.count(m.ratings()))
        .setHeader(getTranslation("admin.usage.models.column.ratings"))
        .setAutoWidth(true);
    addColumn(m -> UsageFormat.rating(m.averageRating()))
        .setHeader(getTranslation("admin.usage.models.column.average-rating"))
        .setAutoWidth(true);
    setAllRowsVisible(true);
    setEmptyStateText(getTranslation("admin.usage.models.empty"));
  }

  void show(UsageDto usage) {
    setItems(usage.models());
  }
}
