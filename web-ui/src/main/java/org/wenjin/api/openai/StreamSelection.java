package org.wenjin.api.openai;

import static org.wenjin.platform.Jsonp.JSON;

import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import org.wenjin.api.limits.ApiLimits;

/**
 * OpenAI's clients ask for a stream in the body ({@code "stream": true}) and accept JSON either
 * way, while JAX-RS picks a method by the {@code Accept} header. Before matching, this reads the
 * body of {@code POST /v1/chat/completions} (up to the API's JSON limit; a longer one is left for
 * the body limit to refuse) and sets {@code Accept} to what the body asked for; the body is then
 * read again by the resource, from the same bytes.
 */
@PreMatching
public class StreamSelection implements ContainerRequestFilter {

  @Inject private ApiLimits limits;

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    if (!HttpMethod.POST.equals(request.getMethod())
        || !request.getUriInfo().getPath().endsWith("chat/completions")) {
      return;
    }
    InputStream body = request.getEntityStream();
    byte[] head = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 1, limits.maxJsonBytes() + 1));
    request.setEntityStream(new SequenceInputStream(new ByteArrayInputStream(head), body));
    if (head.length > limits.maxJsonBytes()) {
      return;
    }
    request
        .getHeaders()
        .putSingle(
            HttpHeaders.ACCEPT,
            streams(head) ? MediaType.SERVER_SENT_EVENTS : MediaType.APPLICATION_JSON);
  }

  private static boolean streams(byte[] body) {
    try (JsonReader reader = JSON.createReader(new ByteArrayInputStream(body))) {
      return reader.readValue() instanceof JsonObject object
          && object.get("stream") != null
          && object.get("stream").getValueType() == JsonValue.ValueType.TRUE;
    } catch (JsonException e) {
      return false; // the resource says what is wrong with the body
    }
  }
}
