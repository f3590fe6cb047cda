package org.wenjin.inference.application;

import java.util.List;
import org.wenjin.engine.spi.ChatRequest;

/**
 * What other contexts ask of inference: a generation on a registered model, started now or queued
 * fairly behind other tenants' (see {@link InferencePool}), and what each model is doing.
 */
public interface GenerationService {

  /**
   * Starts or queues a generation on {@code modelId}; {@code listener} hears its progress.
   *
   * @param tenantId the company asking, which the caller passes from its own scope: the pool shares
   *     each model's queue between companies by it and never reads who is calling
   * @param userId the person asking: colleagues take turns too
   * @throws PoolBusyException when that model's queue is full, or this company already holds its
   *     share of it
   * @throws org.wenjin.engine.spi.ChatModelException when the model cannot be loaded
   */
  Generation submit(
      String modelId, long tenantId, long userId, ChatRequest request, GenerationListener listener);

  /** Per registered model: slots, generations running, questions waiting. */
  List<LaneStats> stats();

  /**
   * What one model is doing now ({@code GET /api/inference/models}, {@code /api/metrics}); {@code
   * metrics} are {@link LaneMetrics#NONE} until its first question loads it.
   */
  record LaneStats(
      String modelId, String label, int slots, int active, int queued, LaneMetrics metrics) {}
}
