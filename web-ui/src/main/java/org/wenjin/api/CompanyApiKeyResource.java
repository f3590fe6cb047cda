package org.wenjin.api;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonArray;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.wenjin.tenancy.interfaces.CompanyApiKeysFacade;

/**
 * A tenant admin's view of their company's API keys: {@code GET /api/company/api-keys} (with each
 * key's owner), {@code DELETE /api/company/api-keys/{id}} (revokes). Other roles get 403.
 */
@Path("company/api-keys")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CompanyApiKeyResource {

  @EJB private CompanyApiKeysFacade keys;

  @GET
  public JsonArray list() {
    return JsonViews.array(keys.keys(), JsonViews::apiKey);
  }

  @DELETE
  @Path("{id}")
  public Response revoke(@PathParam("id") long id) {
    keys.revoke(id);
    return Response.noContent().build();
  }
}
