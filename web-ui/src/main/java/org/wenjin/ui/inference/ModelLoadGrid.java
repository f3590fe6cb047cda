package org.wenjin.ui.inference;

import com.vaadin.flow.component.grid.Grid;
import java.util.List;
import java.util.Locale;
import org.wenjin.inference.interfaces.ModelLoadDto;

/** One row per registered model: slots, load, throughput, waits, batches. */
class ModelLoadGrid extends Grid<ModelLoadDto> {

  ModelLoadGrid() {
    setId("inference-grid");
    addColumn(ModelLoadDto::label).setHeader("Model").setAutoWidth(true).setFlexGrow(1);
    addColumn(ModelLoadDto::slots).setHeader("Slots").setAutoWidth(true);
    addColumn(ModelLoadDto::active).setHeader("Generating").setAutoWidth(true);
    addColumn(ModelLoadDto::queued).setHeader("Waiting").setAutoWidth(true);
    addColumn(m -> String.format(Locale.ROOT, "%.1f", m.tokensPerSecond()))
        .setHeader("Tokens/s")
        .setAutoWidth(true);
    addColumn(m -> m.waitP50Millis() + " / " + m.waitP95Millis() + " ms")
        .setHeader("Wait p50 / p95")
        .setAutoWidth(true);
    addColumn(ModelLoadGrid::batches).setHeader("Batch (mean)").setAutoWidth(true);
    setEmptyStateText("No models are registered: see docs/models.md.");
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
    return mean == 0 ? "—" : String.format(Locale.ROOT, "%.1f", mean);
  }
}
