package org.wenjin.api;

import static org.wenjin.platform.Jsonp.JSON;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonObject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.wenjin.knowledge.interfaces.KnowledgeFacade;

/**
 * {@code GET
 * /api/search?q=...[&collection=...][&label=...][&type=application/pdf][&size=10][&page=0]}: the
 * same hybrid search as the Knowledge page, over the documents the caller may see, with the facets
 * (labels, file types, collections) of the word matches.
 */
@Path("search")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

  @EJB private KnowledgeFacade knowledge;

  /** {@code GET /api/search/suggest?q=...}: titles and headings that complete the text. */
  @GET
  @Path("suggest")
  public jakarta.json.JsonArray suggest(@QueryParam("q") String prefix) {
    jakarta.json.JsonArrayBuilder array = JSON.createArrayBuilder();
    knowledge.suggest(prefix).forEach(array::add);
    return array.build();
  }

  @GET
  public JsonObject search(
      @QueryParam("q") String query,
      @QueryParam("collection") String collection,
      @QueryParam("label") String label,
      @QueryParam("type") String mediaType,
      @QueryParam("size") @DefaultValue("10") int size,
      @QueryParam("page") @DefaultValue("0") int page) {
    return JsonViews.searchResults(
        knowledge.search(query, collection, label, mediaType, page, size));
  }
}
