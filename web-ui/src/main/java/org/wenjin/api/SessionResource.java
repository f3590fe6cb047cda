package org.wenjin.api;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.wenjin.tenancy.interfaces.SessionFacade;

/**
 * {@code GET /api/me}: who the bearer of the token is, their companies and roles; {@code PUT
 * /api/me/tenant} with {@code {"tenant": "<alias>"}}: which of their companies they act for.
 */
@Path("me")
@RequestScoped
public class SessionResource {

  @EJB private SessionFacade sessions;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject me() {
    return JsonViews.session(sessions.signIn());
  }

  @PUT
  @Path("tenant")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject switchTenant(JsonObject body) {
    return JsonViews.session(sessions.switchTenant(body.getString("tenant", "")));
  }
}
