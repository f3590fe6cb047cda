package org.wenjin.api.openai;

import static org.wenjin.platform.Jsonp.JSON;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.wenjin.api.InvalidRequestException;
import org.wenjin.knowledge.interfaces.EmbeddingsDto;
import org.wenjin.knowledge.interfaces.EmbeddingsFacade;

/**
 * {@code POST /v1/embeddings}: {@code input} (a string or an array of strings; token arrays are
 * refused) through one of the knowledge base's embedding models, as floats or, when {@code
 * encoding_format} is {@code base64} (what OpenAI's Node client asks for by default), as base64 of
 * little-endian float32. {@code usage} counts tokens by Wenjin's one estimate, as the audit does.
 */
@Path("embeddings")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class EmbeddingsResource {

  @EJB private EmbeddingsFacade embeddings;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public JsonObject embed(JsonObject body) {
    if (body == null) {
      throw new InvalidRequestException(
          "Send a JSON body such as {\"model\": \"...\", \"input\": \"...\"}.");
    }
    if (!(body.get("model") instanceof JsonString model) || model.getString().isBlank()) {
      throw new InvalidRequestException(
          "'model' is required: an embedding model id from GET /v1/models.");
    }
    List<String> inputs = inputs(body.get("input"));
    boolean base64 = base64(body.get("encoding_format"));
    if (body.get("dimensions") instanceof JsonNumber) {
      throw new InvalidRequestException(
          "'dimensions' cannot be chosen: each model has its own (see docs/models.md).");
    }
    EmbeddingsDto embedded = embeddings.embed(model.getString(), inputs);
    List<float[]> vectors = embedded.vectors();
    int tokens = embedded.promptTokens();
    JsonArrayBuilder data = JSON.createArrayBuilder();
    for (int i = 0; i < vectors.size(); i++) {
      var item = JSON.createObjectBuilder().add("object", "embedding").add("index", i);
      if (base64) {
        item.add("embedding", base64(vectors.get(i)));
      } else {
        item.add("embedding", floats(vectors.get(i)));
      }
      data.add(item);
    }
    return JSON.createObjectBuilder()
        .add("object", "list")
        .add("data", data)
        .add("model", model.getString())
        .add(
            "usage",
            JSON.createObjectBuilder().add("prompt_tokens", tokens).add("total_tokens", tokens))
        .build();
  }

  private static List<String> inputs(JsonValue input) {
    if (input instanceof JsonString text) {
      return List.of(text.getString());
    }
    if (input instanceof JsonArray array && !array.isEmpty()) {
      List<String> texts = new ArrayList<>(array.size());
      for (JsonValue value : array) {
        if (!(value instanceof JsonString text)) {
          throw new InvalidRequestException(
              "'input' must be a string or an array of strings (token arrays are not supported).");
        }
        texts.add(text.getString());
      }
      return texts;
    }
    throw new InvalidRequestException("'input' must be a string or a non-empty array of strings.");
  }

  private static boolean base64(JsonValue format) {
    if (format == null || format == JsonValue.NULL) {
      return false;
    }
    if (format instanceof JsonString s && s.getString().equals("float")) {
      return false;
    }
    if (format instanceof JsonString s && s.getString().equals("base64")) {
      return true;
    }
    throw new InvalidRequestException("'encoding_format' must be \"float\" or \"base64\".");
  }

  private static JsonArray floats(float[] vector) {
    JsonArrayBuilder array = JSON.createArrayBuilder();
    for (float v : vector) {
      array.add((double) v);
    }
    return array.build();
  }

  private static String base64(float[] vector) {
    ByteBuffer bytes =
        ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    for (float v : vector) {
      bytes.putFloat(v);
    }
    return Base64.getEncoder().encodeToString(bytes.array());
  }
}
