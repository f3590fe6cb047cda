package org.wenjin.knowledge.interfaces;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import java.util.List;
import org.wenjin.knowledge.application.ClientEmbeddingService;
import org.wenjin.security.Roles;
import org.wenjin.tenancy.interfaces.TenantScoped;

/** The knowledge base's embedding models, for API clients of the caller's company. */
@Stateless
@RolesAllowed(Roles.USER)
@Interceptors(TenantScoped.class)
public class EmbeddingsFacade {

  @Inject private ClientEmbeddingService embeddings;

  public List<String> models() {
    return embeddings.models();
  }

  public EmbeddingsDto embed(String model, List<String> inputs) {
    ClientEmbeddingService.Embedded embedded = embeddings.embed(model, inputs);
    return new EmbeddingsDto(embedded.vectors(), embedded.tokens());
  }
}
