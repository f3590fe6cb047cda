package org.wenjin.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;
import org.wenjin.api.health.LivenessResource;
import org.wenjin.api.health.ReadinessResource;
import org.wenjin.api.limits.BodyLimitFilter;
import org.wenjin.api.limits.RateLimitFilter;

/**
 * Mounts the REST API at {@code /api}; the Vaadin UI serves everything else, the OpenAI-compatible
 * API {@code /v1}. Its classes are listed (a test checks that every resource is in one
 * application): unlisted, JAX-RS would serve every resource of the WAR under both paths.
 */
@ApplicationPath("/api")
public class ApiApplication extends Application {

  @Override
  public Set<Class<?>> getClasses() {
    return Set.of(
        SessionResource.class,
        ApiKeyResource.class,
        CompanyApiKeyResource.class,
        TenantResource.class,
        ConversationResource.class,
        TurnResource.class,
        ModelSettingsResource.class,
        CompanyFlowResource.class,
        DocumentResource.class,
        SearchResource.class,
        KnowledgeSettingsResource.class,
        PolicyResource.class,
        AuditResource.class,
        InferenceResource.class,
        MetricsResource.class,
        ReadinessResource.class,
        LivenessResource.class,
        UnauthorizedResource.class,
        ApiExceptionMapper.class,
        RateLimitFilter.class,
        BodyLimitFilter.class);
  }
}
