package org.wenjin.api;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonArray;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.wenjin.tenancy.interfaces.TenantAdminFacade;

/** {@code GET /api/tenants}: all tenants, for platform admins (the facade enforces the role). */
@Path("tenants")
@RequestScoped
public class TenantResource {

  @EJB private TenantAdminFacade tenants;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public JsonArray list() {
    return JsonViews.array(tenants.list(), JsonViews::tenant);
  }
}
