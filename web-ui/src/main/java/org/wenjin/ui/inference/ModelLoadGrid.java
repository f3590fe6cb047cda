package org.wenjin.ui.inference;

import com.vaadin.flow.component.grid.Grid;
import java.util.List;
import org.wenjin.inference.interfaces.ModelLoadDto;
import org.wenjin.ui.i18n.LocalFormats;

/** One row per registered model: slots, load, throughput, waits, batches. */
class ModelLoadGrid extends Grid<ModelLoadDto> {

  ModelLoadGrid() {
    setId("inference-grid");
    addColumn(ModelLoadDto::label)
        .setHeader(getTranslation("inference.column.model"))
        .setAutoWidth(true)
        .setFlexGrow(1);
    addColumn(m -> LocalFormats.number(m.slots()))
        .setHeader(getTranslation("inference.column.slots"))
        .setAutoWidth(true);
    addColumn(m -> LocalFormats.number(m.active()))
        .setHeader(getTranslation("inference.column.generating"))
        .setAutoWidth(true);
    addColumn(m -> LocalFormats.number(m.queued()))
        .setHeader(getTranslation("inference.column.waiting"))
        .setAutoWidth(true);
    addColumn(m -> LocalFormats.decimal(m.tokensPerSecond(), 1))
        .setHeader(getTranslation("inference.column.tokens-per-second"))
        .setAutoWidth(true);
    addColumn(m -> getTranslation("inference.wait", m.waitP50Millis(), m.waitP95Millis()))
        .setHeader(getTranslation("inference.column.wait"))
        .setAutoWidth(true);
    addColumn(ModelLoadGrid::batches)
        .setHeader(getTranslation("inference.column.batch"))
        .setAutoWidth(true);
    setEmptyStateText(getTranslation("inference.empty"));
    setAllRowsVisible(true);
  }

  void show(List<ModelLoadDto> models) {
    ModelLoadDto selected = asSingleSelect().getValue();
    setItems(models);
    models.stream()
        .filter(m -> selected != null && m.id().equals(selected.id()))
        .findFirst()
        .ifPresent(m -> asSingleSelect().setValue(m));
  }

  private static String batches(ModelLoadDto model) {
    double mean = model.meanBatchSize();
    return mean == 0 ? "—" : LocalFormats.decimal(mean, 1);
  }
}
