package org.wenjin.api;

import static org.wenjin.platform.Jsonp.JSON;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.wenjin.knowledge.domain.KnowledgeRules;
import org.wenjin.knowledge.interfaces.KnowledgeFacade;
import org.wenjin.knowledge.interfaces.KnowledgeSettingsDto;

/**
 * The company's knowledge settings, for tenant admins: {@code GET /api/knowledge/settings} and
 * {@code PUT} with {@code {"chunkSize":450,"chunkOverlap":60,"passages":4,"minSimilarity":0.6}}.
 */
@Path("knowledge/settings")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class KnowledgeSettingsResource {

  @EJB private KnowledgeFacade knowledge;

  @GET
  public JsonObject get() {
    return json(knowledge.settings());
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  public JsonObject put(JsonObject body) {
    if (body == null) {
      throw new KnowledgeRules(
          "Send the settings as JSON: chunkSize, chunkOverlap, passages, minSimilarity.");
    }
    return json(
        knowledge.changeSettings(
            new KnowledgeSettingsDto(
                number(body, "chunkSize").intValue(),
                number(body, "chunkOverlap").intValue(),
                number(body, "passages").intValue(),
                number(body, "minSimilarity").doubleValue())));
  }

  private static JsonNumber number(JsonObject body, String field) {
    if (!(body.get(field) instanceof JsonNumber n)) {
      throw new KnowledgeRules("'" + field + "' must be a number.");
    }
    return n;
  }

  private static JsonObject json(KnowledgeSettingsDto s) {
    return JSON.createObjectBuilder()
        .add("chunkSize", s.chunkSize())
        .add("chunkOverlap", s.chunkOverlap())
        .add("passages", s.passages())
        .add("minSimilarity", s.minSimilarity())
        .build();
  }
}
