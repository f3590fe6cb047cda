package org.wenjin.api;

import static org.wenjin.platform.Jsonp.JSON;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.wenjin.tenancy.interfaces.ApiKeyFacade;
import org.wenjin.tenancy.interfaces.CreatedApiKeyDto;

/**
 * The caller's personal API keys for {@code /v1} in the company they act for: {@code GET
 * /api/me/api-keys}, {@code POST /api/me/api-keys} with {@code {"name": "..."}} (201 with {@code
 * "key"}: the only time it is shown), {@code DELETE /api/me/api-keys/{id}} (revokes; 404 for an id
 * that is not one of the caller's keys).
 */
@Path("me/api-keys")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ApiKeyResource {

  @EJB private ApiKeyFacade keys;

  @GET
  public JsonArray list() {
    return JsonViews.array(keys.mine(), JsonViews::apiKey);
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(JsonObject body) {
    CreatedApiKeyDto created = keys.create(body == null ? null : body.getString("name", null));
    return Response.status(Response.Status.CREATED)
        .header("Cache-Control", "no-store")
        .entity(
            JSON.createObjectBuilder(JsonViews.apiKey(created.key()))
                .add("key", created.secret())
                .build())
        .build();
  }

  @DELETE
  @Path("{id}")
  public Response revoke(@PathParam("id") long id) {
    keys.revoke(id);
    return Response.noContent().build();
  }
}
