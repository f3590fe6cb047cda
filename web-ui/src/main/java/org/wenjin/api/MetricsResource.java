package org.wenjin.api;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
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
import java.util.function.ToDoubleFunction;
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
                ModelLoadDto::queued),
            gauge(
                "wenjin_inference_tokens_per_second",
                "Pieces of text (about a token each) a model streamed per second, last 10 s",
                models,
                ModelLoadDto::tokensPerSecond),
            counter(
                "wenjin_inference_tokens",
                "Pieces of text (about a token each) a model streamed since it was loaded",
                models),
            waits(models),
            batches(models));
    StreamingOutput body = out -> FORMAT.write(out, snapshots);
    return Response.ok(body, FORMAT.getContentType()).build();
  }

  private static GaugeSnapshot gauge(
      String name, String help, List<ModelLoadDto> models, ToIntFunction<ModelLoadDto> value) {
    return gauge(name, help, models, (ToDoubleFunction<ModelLoadDto>) value::applyAsInt);
  }

  private static CounterSnapshot counter(String name, String help, List<ModelLoadDto> models) {
    CounterSnapshot.Builder counter = CounterSnapshot.builder().name(name).help(help);
    for (ModelLoadDto model : models) {
      counter.dataPoint(
          CounterDataPointSnapshot.builder()
              .labels(Labels.of("model", model.id()))
              .value(model.tokens())
              .build());
    }
    return counter.build();
  }

  /** The wait for a slot of the latest questions that queued, as quantiles in seconds. */
  private static GaugeSnapshot waits(List<ModelLoadDto> models) {
    GaugeSnapshot.Builder gauge =
        GaugeSnapshot.builder()
            .name("wenjin_inference_queue_wait_seconds")
            .help("How long the latest questions that queued waited for a slot (quantiles)");
    for (ModelLoadDto model : models) {
      gauge.dataPoint(wait(model, "0.5", model.waitP50Millis()));
      gauge.dataPoint(wait(model, "0.95", model.waitP95Millis()));
    }
    return gauge.build();
  }

  private static GaugeDataPointSnapshot wait(ModelLoadDto model, String quantile, long millis) {
    return GaugeDataPointSnapshot.builder()
        .labels(Labels.of("model", model.id(), "quantile", quantile))
        .value(millis / 1000.0)
        .build();
  }

  /** Decoding steps by how many sequences they ran together, for backends that batch. */
  private static CounterSnapshot batches(List<ModelLoadDto> models) {
    CounterSnapshot.Builder counter =
        CounterSnapshot.builder()
            .name("wenjin_inference_batch_steps")
            .help("Decoding steps a model ran, by how many sequences shared each (batch size)");
    for (ModelLoadDto model : models) {
      long[] sizes = model.batchSizes();
      for (int n = 1; n < sizes.length; n++) {
        if (sizes[n] == 0) {
          continue; // a size no step had yet: no series, rather than sixteen zeros per model
        }
        counter.dataPoint(
            CounterDataPointSnapshot.builder()
                .labels(Labels.of("model", model.id(), "batch_size", Integer.toString(n)))
                .value(sizes[n])
                .build());
      }
    }
    return counter.build();
  }

  private static GaugeSnapshot gauge(
      String name, String help, List<ModelLoadDto> models, ToDoubleFunction<ModelLoadDto> value) {
    GaugeSnapshot.Builder gauge = GaugeSnapshot.builder().name(name).help(help);
    for (ModelLoadDto model : models) {
      gauge.dataPoint(
          GaugeDataPointSnapshot.builder()
              .labels(Labels.of("model", model.id()))
              .value(value.applyAsDouble(model))
              .build());
    }
    return gauge.build();
  }
}
