package org.wenjin.ui.inference;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.util.List;
import org.wenjin.inference.interfaces.InferenceFacade;
import org.wenjin.inference.interfaces.ModelLoadDto;
import org.wenjin.security.Roles;
import org.wenjin.ui.layout.MainLayout;

/**
 * Platform admins watch the inference pool live: every model's slots, answers generating, questions
 * waiting, tokens per second, waits for a slot and the backend's mean batch, refreshed every
 * {@value #REFRESH_MILLIS} ms while the page is open, and a chart of the chosen model's tokens per
 * second.
 */
@Route(value = "admin/inference", layout = MainLayout.class)
@RolesAllowed(Roles.PLATFORM_ADMIN)
public class InferenceView extends VerticalLayout implements HasDynamicTitle {

  static final int REFRESH_MILLIS = 2000;

  @Inject private InferenceFacade inference;

  private final ModelLoadGrid grid = new ModelLoadGrid();
  private final ThroughputChart chart = new ThroughputChart();
  private final H3 chartTitle = new H3();
  private Registration polling;

  @PostConstruct
  void init() {
    setId("inference-view");
    grid.asSingleSelect()
        .addValueChangeListener(
            e -> {
              if (e.isFromClient()) {
                chart.clear();
                refresh();
              }
            });
    add(
        new H2(getTranslation("inference.heading")),
        new Paragraph(getTranslation("inference.intro")),
        grid,
        chartTitle,
        chart);
    refresh();
  }

  @Override
  public String getPageTitle() {
    return getTranslation("inference.page-title");
  }

  private void refresh() {
    List<ModelLoadDto> models = inference.load();
    grid.show(models);
    if (grid.asSingleSelect().isEmpty() && !models.isEmpty()) {
      grid.asSingleSelect().setValue(busiest(models));
    }
    ModelLoadDto shown = grid.asSingleSelect().getValue();
    chartTitle.setText(shown == null ? "" : getTranslation("inference.chart.title", shown.label()));
    chart.setVisible(shown != null);
    if (shown != null) {
      chart.add(new ThroughputChart.Sample(shown.tokensPerSecond(), shown.active()));
    }
  }

  private static ModelLoadDto busiest(List<ModelLoadDto> models) {
    return models.stream()
        .max(java.util.Comparator.comparingDouble(ModelLoadDto::tokensPerSecond))
        .orElseThrow();
  }

  @Override
  protected void onAttach(AttachEvent event) {
    event.getUI().setPollInterval(REFRESH_MILLIS);
    polling = event.getUI().addPollListener(e -> refresh());
  }

  @Override
  protected void onDetach(DetachEvent event) {
    if (polling != null) {
      polling.remove();
    }
    event.getUI().setPollInterval(-1);
  }
}
