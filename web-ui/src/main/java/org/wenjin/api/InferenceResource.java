package org.wenjin.api;

import static org.wenjin.platform.Jsonp.JSON;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonArray;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.wenjin.inference.interfaces.InferenceFacade;

/**
 * {@code GET /api/inference/models}: per registered model its slots, active generations and queue
 * length (platform admins; the facade enforces the role).
 */
@Path("inference/models")
@RequestScoped
public class InferenceResource {

  @EJB private InferenceFacade inference;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public JsonArray load() {
    return JsonViews.array(
        inference.load(),
        m ->
            JSON.createObjectBuilder()
                .add("id", m.id())
                .add("label", m.label())
                .add("slots", m.slots())
                .add("active", m.active())
                .add("queued", m.queued())
                .build());
  }
}
