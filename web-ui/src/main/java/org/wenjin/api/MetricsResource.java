package org.wenjin.api;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.List;
import java.util.function.ToIntFunction;
import org.wenjin.api.limits.RateLimitExempt;
import org.wenjin.inference.interfaces.InferenceFacade;
import org.wenjin.inference.interfaces.ModelLoadDto;

/**
 * {@code GET /api/metrics}: the inference pool's gauges in Prometheus' text format, read fresh on
 * every scrape (roles platform-admin or monitoring; docs/operations.md shows the Prometheus job,
 * which gets its token from Keycloak with the client {@code wenjin-metrics}). Written by the
 * official Prometheus client's exposition library: WildFly 39's Micrometer subsystem does not
 * export meters registered by applications (WFLY-21061).
 */
@Path("metrics")
@RateLimitExempt
@RequestScoped
public class MetricsResource {

  private static final PrometheusTextFormatWriter FORMAT = PrometheusTextFormatWriter.create();

  @EJB private InferenceFacade inference;

  @GET
  public Response scrape() {
    List<ModelLoadDto> models = inference.load();
    MetricSnapshots snapshots =
        MetricSnapshots.of(
            gauge(
                "wenjin_inference_slots",
                "Answers a model may generate at once",
                models,
                ModelLoadDto::slots),
            gauge(
                "wenjin_inference_active",
                "Answers a model is generating now",
                models,
                ModelLoadDto::active),
            gauge(
                "wenjin_inference_queued",
                "Questions waiting for a free slot of a model",
                models,
                ModelLoadDto::queued));
    StreamingOutput body = out -> FORMAT.write(out, snapshots);
    return Response.ok(body, FORMAT.getContentType()).build();
  }

  private static GaugeSnapshot gauge(
      String name, String help, List<ModelLoadDto> models, ToIntFunction<ModelLoadDto> value) {
    GaugeSnapshot.Builder gauge = GaugeSnapshot.builder().name(name).help(help);
    for (ModelLoadDto model : models) {
      gauge.dataPoint(
          GaugeDataPointSnapshot.builder()
              .labels(Labels.of("model", model.id()))
              .value(value.applyAsInt(model))
              .build());
    }
    return gauge.build();
  }
}
