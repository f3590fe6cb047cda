package org.wenjin.api;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.wenjin.tenancy.interfaces.SessionFacade;

/** {@code GET /api/me}: who the bearer of the token is, their company and roles. */
@Path("me")
@RequestScoped
public class SessionResource {

  @EJB private SessionFacade sessions;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject me() {
    return JsonViews.session(sessions.signIn());
  }
}
