package org.wenjin.inference.interfaces;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import org.wenjin.inference.application.GenerationService;
import org.wenjin.security.Roles;

/** What the registered models are doing now, for platform admins and monitoring scripts. */
@Stateless
@RolesAllowed({Roles.PLATFORM_ADMIN, Roles.MONITORING})
public class InferenceFacade {

  @Inject private GenerationService pool;

  public List<ModelLoadDto> load() {
    return pool.stats().stream()
        .map(
            s ->
                new ModelLoadDto(
                    s.modelId(),
                    s.label(),
                    s.slots(),
                    s.active(),
                    s.queued(),
                    s.metrics().tokensPerSecond(),
                    s.metrics().tokens(),
                    s.metrics().waitP50Millis(),
                    s.metrics().waitP95Millis(),
                    s.metrics().batchSizes()))
        .toList();
  }
}
