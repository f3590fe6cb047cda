package org.wenjin.api.openai;

import static org.wenjin.platform.Jsonp.JSON;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.wenjin.chat.interfaces.AnswerFacade;
import org.wenjin.chat.interfaces.FlowDto;
import org.wenjin.chat.interfaces.ModelDto;
import org.wenjin.knowledge.interfaces.EmbeddingsFacade;

/**
 * {@code GET /v1/models} and {@code GET /v1/models/{id}}: what the caller's company offers, its
 * chat models and its flows ({@code flow:<id>}, run with the company's preselected model), both for
 * {@code /v1/chat/completions}, then the knowledge base's embedding models (for {@code
 * /v1/embeddings}). Wenjin adds {@code label} and {@code kind} ({@code chat}, {@code flow} or
 * {@code embedding}) to OpenAI's model object.
 */
@Path("models")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ModelsResource {

  /** OpenAI's {@code created} (seconds); Wenjin's models are as old as the server's start. */
  private static final long CREATED = ManagementFactory.getRuntimeMXBean().getStartTime() / 1000;

  /** A flow's model id: {@code flow:knowledge-notes}. */
  static final String FLOW = "flow:";

  @EJB private AnswerFacade answers;

  @EJB private EmbeddingsFacade embeddings;

  @GET
  public JsonObject list() {
    JsonArrayBuilder data = JSON.createArrayBuilder();
    models().forEach(data::add);
    return JSON.createObjectBuilder().add("object", "list").add("data", data).build();
  }

  @GET
  @Path("{id}")
  public JsonObject get(@PathParam("id") String id) {
    return models().stream()
        .filter(m -> m.getString("id").equals(id))
        .findFirst()
        .orElseThrow(() -> new ChatCompletionsResource.ModelNotFound(id));
  }

  private List<JsonObject> models() {
    List<JsonObject> models = new ArrayList<>();
    for (ModelDto chat : answers.models()) {
      models.add(model(chat.id(), chat.label(), "chat"));
    }
    for (FlowDto flow : answers.flows()) {
      models.add(model(FLOW + flow.id(), flow.name(), "flow"));
    }
    for (String id : embeddings.models()) {
      models.add(model(id, id, "embedding"));
    }
    return models;
  }

  private static JsonObject model(String id, String label, String kind) {
    return JSON.createObjectBuilder()
        .add("id", id)
        .add("object", "model")
        .add("created", CREATED)
        .add("owned_by", "wenjin")
        .add("label", label)
        .add("kind", kind)
        .build();
  }
}
