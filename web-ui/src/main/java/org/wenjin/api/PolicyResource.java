package org.wenjin.api;

import static org.wenjin.platform.Jsonp.JSON;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.wenjin.governance.domain.Policy;
import org.wenjin.governance.domain.PurgeReport;
import org.wenjin.governance.domain.UsageToday;
import org.wenjin.governance.interfaces.GovernanceFacade;

/**
 * The company's retention and quotas, for tenant admins: {@code GET /api/policy} and {@code PUT}
 * with {@code {"conversationDays":90,"auditDays":null,"userQuestionsPerMinute":10,
 * "companyQuestionsPerMinute":null,"userTokensPerDay":200000,"companyTokensPerDay":null}} (null or
 * absent: no limit); {@code POST /api/policy/purge} purges by it now; {@code GET /api/policy/usage}
 * is today's use.
 */
@Path("policy")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PolicyResource {

  @EJB private GovernanceFacade governance;

  @GET
  public JsonObject get() {
    return json(governance.policy());
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  public JsonObject put(JsonObject body) {
    if (body == null) {
      throw new InvalidRequestException("Send the policy as a JSON object.");
    }
    Long userTokens = number(body, "userTokensPerDay");
    Long companyTokens = number(body, "companyTokensPerDay");
    return json(
        governance.change(
            new Policy(
                integer(body, "conversationDays"),
                integer(body, "auditDays"),
                integer(body, "userQuestionsPerMinute"),
                integer(body, "companyQuestionsPerMinute"),
                userTokens,
                companyTokens)));
  }

  @POST
  @Path("purge")
  public JsonObject purge() {
    PurgeReport report = governance.purgeNow();
    return JSON.createObjectBuilder()
        .add("conversationsDeleted", report.conversations())
        .add("auditEventsDeleted", report.auditEvents())
        .build();
  }

  @GET
  @Path("usage")
  public JsonObject usage() {
    UsageToday today = governance.today();
    return JSON.createObjectBuilder()
        .add("companyQuestions", today.companyQuestions())
        .add("companyTokens", today.companyTokens())
        .add("myQuestions", today.myQuestions())
        .add("myTokens", today.myTokens())
        .add("policy", json(today.policy()))
        .build();
  }

  static JsonObject json(Policy p) {
    JsonObjectBuilder o = JSON.createObjectBuilder();
    put(o, "conversationDays", p.conversationDays());
    put(o, "auditDays", p.auditDays());
    put(o, "userQuestionsPerMinute", p.userQuestionsPerMinute());
    put(o, "companyQuestionsPerMinute", p.companyQuestionsPerMinute());
    put(o, "userTokensPerDay", p.userTokensPerDay());
    put(o, "companyTokensPerDay", p.companyTokensPerDay());
    return o.build();
  }

  private static void put(JsonObjectBuilder o, String key, Number value) {
    o.add(key, value == null ? JsonValue.NULL : JSON.createValue(value.longValue()));
  }

  private static Long number(JsonObject body, String field) {
    JsonValue v = body.get(field);
    if (v == null || v == JsonValue.NULL) {
      return null;
    }
    if (!(v instanceof JsonNumber n) || !n.isIntegral()) {
      throw new InvalidRequestException("'" + field + "' must be a whole number or null.");
    }
    try {
      return n.longValueExact();
    } catch (ArithmeticException e) {
      throw new InvalidRequestException("'" + field + "' is too large.");
    }
  }

  private static Integer integer(JsonObject body, String field) {
    Long v = number(body, field);
    if (v != null && (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE)) {
      throw new InvalidRequestException("'" + field + "' is too large.");
    }
    return v == null ? null : v.intValue();
  }
}
