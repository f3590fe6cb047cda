package org.wenjin.api;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.wenjin.api.limits.BodyLimitFilter;
import org.wenjin.api.limits.BodyTooLargeException;
import org.wenjin.knowledge.domain.KnowledgeRules;
import org.wenjin.knowledge.interfaces.DocumentDto;
import org.wenjin.knowledge.interfaces.KnowledgeFacade;
import org.wenjin.knowledge.interfaces.UploadRequest;

/**
 * The company's documents, for tenant admins and their scripts: {@code POST /api/documents}
 * (multipart: {@code file}, optional {@code title}, {@code collection}, {@code labels} and {@code
 * visibleTo} as comma-separated lists) answers 201 with the document as soon as the file is stored
 * and queued; {@code GET /api/documents/{id}} shows how its indexing goes; {@code GET
 * /api/documents[?page=0&size=50]} lists them newest first, a page at a time ({@link PageRequest}).
 * A file over the configured upload limit is a 413 ({@link BodyLimitFilter} for the whole body,
 * here for the file itself).
 */
@Path("documents")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DocumentResource {

  @EJB private KnowledgeFacade knowledge;

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  public Response upload(List<EntityPart> parts) throws IOException {
    EntityPart file =
        find(parts, "file")
            .orElseThrow(
                () -> new KnowledgeRules("Send the document as the multipart part 'file'."));
    long maxBytes = knowledge.uploadLimits().maxBytes();
    byte[] bytes;
    try (InputStream in = file.getContent()) {
      // one byte over the limit is enough to refuse, without reading a huge body into memory
      bytes = in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
    }
    if (bytes.length > maxBytes) {
      throw new BodyTooLargeException("The file", maxBytes);
    }
    DocumentDto document =
        knowledge.upload(
            new UploadRequest(
                file.getFileName().orElse(null),
                bytes,
                text(parts, "title"),
                text(parts, "collection"),
                list(parts, "labels"),
                list(parts, "visibleTo")));
    return Response.status(Response.Status.CREATED)
        .header("Location", "documents/" + document.id())
        .entity(JsonViews.document(document))
        .build();
  }

  @GET
  public JsonArray list(@QueryParam("page") String page, @QueryParam("size") String size) {
    PageRequest wanted = PageRequest.of(page, size);
    return JsonViews.array(knowledge.documents(wanted.page(), wanted.size()), JsonViews::document);
  }

  @GET
  @Path("{id}")
  public JsonObject get(@PathParam("id") long id) {
    return JsonViews.document(knowledge.document(id));
  }

  @DELETE
  @Path("{id}")
  public Response delete(@PathParam("id") long id) {
    knowledge.delete(id);
    return Response.noContent().build();
  }

  @POST
  @Path("{id}/reindex")
  public JsonObject reindex(@PathParam("id") long id) {
    return JsonViews.document(knowledge.reindex(id));
  }

  private static Optional<EntityPart> find(List<EntityPart> parts, String name) {
    return parts == null
        ? Optional.empty()
        : parts.stream().filter(p -> name.equals(p.getName())).findFirst();
  }

  private static String text(List<EntityPart> parts, String name) throws IOException {
    Optional<EntityPart> part = find(parts, name);
    return part.isPresent() ? part.get().getContent(String.class) : null;
  }

  private static List<String> list(List<EntityPart> parts, String name) throws IOException {
    String value = text(parts, name);
    return value == null || value.isBlank()
        ? List.of()
        : Arrays.stream(value.split(",")).map(String::strip).filter(v -> !v.isEmpty()).toList();
  }
}
