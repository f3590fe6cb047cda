package org.wenjin.inference.application;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.wenjin.engine.spi.ChatModel;
import org.wenjin.engine.spi.ChatModelException;
import org.wenjin.engine.spi.ChatModelProviders;
import org.wenjin.engine.spi.ChatRequest;
import org.wenjin.platform.text.RuleMessage;

/**
 * One loaded instance per model, shared by everyone through its {@link ModelLane}. Models load on
 * first use; generations run on the dedicated {@code wenjin-inference} executor (long streams must
 * not starve the default one). Every lane lets one company hold at most {@code
 * wenjin.inference.tenant-queue-share} of its waiting places (default half).
 */
@Singleton
@Startup // so the expiry task is scheduled at deployment, not with the first caller's identity
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class InferencePool implements GenerationService {

  private static final Logger LOG = Logger.getLogger(InferencePool.class.getName());

  @Resource(lookup = "java:jboss/ee/concurrency/executor/wenjin-inference")
  private ManagedExecutorService executor;

  @Resource private ManagedScheduledExecutorService timer;

  @Inject private ModelCatalog catalog;

  /** The share of each model's waiting places one company may hold (more than 0, at most 1). */
  @Inject
  @ConfigProperty(
      name = "wenjin.inference.tenant-queue-share",
      defaultValue = "" + LaneLimits.DEFAULT_TENANT_SHARE)
  double tenantQueueShare;

  private final ChatModelProviders providers = ChatModelProviders.installed();
  private final Map<String, ModelLane> lanes = new ConcurrentHashMap<>();
  private final Map<String, ChatModel> loaded = new ConcurrentHashMap<>();
  private ScheduledFuture<?> expiry;

  /**
   * One task for every lane's timeouts, never one per answer (see {@link ModelLane}). A managed
   * executor keeps the submitter's security identity with each task (and through it, the HTTP
   * exchange that authenticated it), which is why this runs at start-up.
   */
  @PostConstruct
  void startExpiry() {
    try {
      LaneLimits.checkTenantShare(tenantQueueShare);
    } catch (IllegalArgumentException e) {
      // stops the deployment with the reason, rather than running without the limit
      throw new IllegalStateException("wenjin.inference.tenant-queue-share: " + e.getMessage(), e);
    }
    expiry = timer.scheduleWithFixedDelay(this::expireOverdue, 1, 1, TimeUnit.SECONDS);
  }

  private void expireOverdue() {
    for (ModelLane lane : lanes.values()) {
      try {
        lane.expireOverdue();
      } catch (RuntimeException e) {
        // a periodic task that throws is never run again: log, and keep expiring the others
        LOG.log(Level.WARNING, "expiring overdue answers of " + lane.label() + " failed", e);
      }
    }
  }

  @Override
  public Generation submit(
      String modelId,
      long tenantId,
      long userId,
      ChatRequest request,
      GenerationListener listener) {
    return lane(modelId).submit(tenantId, userId, request, listener);
  }

  @Override
  public List<LaneStats> stats() {
    return catalog.models().stream()
        .map(
            m -> {
              ModelLane lane = lanes.get(m.id());
              return new LaneStats(
                  m.id(),
                  m.label(),
                  m.limits().slots(),
                  lane == null ? 0 : lane.active(),
                  lane == null ? 0 : lane.queued(),
                  lane == null ? LaneMetrics.NONE : lane.metrics());
            })
        .toList();
  }

  private ModelLane lane(String modelId) {
    RegisteredModel model =
        catalog
            .find(modelId)
            .orElseThrow(
                () ->
                    new ModelUnusable(
                        ChatModelException.Kind.REJECTED,
                        RuleMessage.of("inference.model.unknown", modelId),
                        null));
    return lanes.computeIfAbsent(
        modelId,
        id ->
            new ModelLane(
                model.label(),
                load(model),
                model.limits().withTenantShare(tenantQueueShare),
                executor));
  }

  private ChatModel load(RegisteredModel model) {
    try {
      return loaded.computeIfAbsent(model.id(), id -> providers.create(model.settings()));
    } catch (IllegalArgumentException e) {
      throw new ModelUnusable(
          ChatModelException.Kind.REJECTED,
          RuleMessage.of(
              "inference.model.misconfigured", model.label(), RuleMessage.verbatim(e.getMessage())),
          e);
    } catch (ChatModelException e) {
      // the reason names server paths and libraries: the operator's, in the log; not the user's
      LOG.log(Level.WARNING, "cannot load model " + model.id(), e);
      throw new ModelUnusable(
          e.kind(), RuleMessage.of("inference.model.cannot-load", model.label()), e);
    }
  }

  @PreDestroy
  void unload() {
    expiry.cancel(false);
    loaded
        .values()
        .forEach(
            m -> {
              try {
                m.close();
              } catch (Exception e) {
                LOG.log(Level.WARNING, "Closing a model failed", e);
              }
            });
  }
}
