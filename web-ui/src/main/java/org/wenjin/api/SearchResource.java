package org.wenjin.api;

import static org.wenjin.platform.Jsonp.JSON;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonObject;
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
 * (labels, file types, collections) of the word matches. {@code size} is 1 to 50 (the search's own
 * cap, {@link #MAX_SIZE}), {@code page} counts from 0; others are a 400 ({@link PageRequest}).
 */
@Path("search")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

  /** The knowledge search's cap (its SearchService.MAX_PAGE_SIZE), checked here first. */
  static final int MAX_SIZE = 50;

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
      @QueryParam("size") String size,
      @QueryParam("page") String page) {
    PageRequest wanted = PageRequest.of(page, size, 10, MAX_SIZE);
    return JsonViews.searchResults(
        knowledge.search(query, collection, label, mediaType, wanted.page(), wanted.size()));
  }
}
