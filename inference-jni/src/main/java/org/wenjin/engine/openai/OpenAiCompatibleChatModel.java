package org.wenjin.engine.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.wenjin.engine.spi.Cancellation;
import org.wenjin.engine.spi.ChatModel;
import org.wenjin.engine.spi.ChatModelException;
import org.wenjin.engine.spi.ChatModelException.Kind;
import org.wenjin.engine.spi.ChatRequest;
import org.wenjin.engine.spi.Completion;
import org.wenjin.engine.spi.Completion.FinishReason;
import org.wenjin.engine.spi.TokenSink;

/**
 * Streams {@code POST {baseUrl}/chat/completions} with {@code "stream": true}. Cancelling closes
 * the response stream, which is how these servers learn to stop generating.
 */
public final class OpenAiCompatibleChatModel implements ChatModel {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI endpoint;
  private final String model;
  private final Optional<String> apiKey;
  private final Duration responseTimeout;

  public OpenAiCompatibleChatModel(
      URI baseUrl, String model, Optional<String> apiKey, Duration responseTimeout) {
    String base = baseUrl.toString().replaceAll("/+$", "");
    this.endpoint = URI.create(base + "/chat/completions");
    this.model = model;
    this.apiKey = apiKey;
    this.responseTimeout = responseTimeout;
  }

  @Override
  public Completion generate(ChatRequest request, TokenSink sink, Cancellation cancellation) {
    HttpRequest.Builder post =
        HttpRequest.newBuilder(endpoint)
            .timeout(responseTimeout)
            .header("Content-Type", "application/json")
            .header("Accept", "text/event-stream")
            .POST(HttpRequest.BodyPublishers.ofString(body(request), StandardCharsets.UTF_8));
    apiKey.ifPresent(key -> post.header("Authorization", "Bearer " + key));
    // One client per answer: cancelling shuts it down, which closes the connection at once, so
    // the server stops generating. (Closing only the body stream left the connection open in one
    // end-to-end run; a stream lasts seconds, so the client's setup cost does not matter.)
    HttpClient http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    cancellation.onCancel(http::shutdownNow);
    try {
      return stream(http, post.build(), sink, cancellation);
    } finally {
      http.shutdownNow();
    }
  }

  private Completion stream(
      HttpClient http, HttpRequest post, TokenSink sink, Cancellation cancellation) {
    CompletableFuture<HttpResponse<InputStream>> pending =
        http.sendAsync(post, HttpResponse.BodyHandlers.ofInputStream());
    HttpResponse<InputStream> response;
    try {
      response = pending.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Completion(FinishReason.CANCELLED, 0);
    } catch (ExecutionException | java.util.concurrent.CancellationException e) {
      if (cancellation.isCancelled()) {
        return new Completion(FinishReason.CANCELLED, 0);
      }
      throw unreachable(e.getCause() == null ? e : e.getCause());
    }
    try (InputStream body = response.body()) {
      cancellation.onCancel(() -> closeQuietly(body));
      if (response.statusCode() != 200) {
        throw refused(
            response.statusCode(), new String(body.readAllBytes(), StandardCharsets.UTF_8));
      }
      return new ServerSentEvents(sink, cancellation).read(body);
    } catch (IOException e) {
      if (cancellation.isCancelled()) {
        return new Completion(FinishReason.CANCELLED, 0);
      }
      throw new ChatModelException(
          Kind.UNAVAILABLE, "The model server " + host() + " broke off the answer.", e);
    }
  }

  private String body(ChatRequest request) {
    ObjectNode body = JSON.createObjectNode();
    body.put("model", model);
    body.put("stream", true);
    body.put("max_tokens", request.options().maxTokens());
    body.put("temperature", request.options().temperature());
    body.put("top_p", request.options().topP());
    if (!request.options().stop().isEmpty()) {
      ArrayNode stop = body.putArray("stop");
      request.options().stop().forEach(stop::add);
    }
    ArrayNode messages = body.putArray("messages");
    for (var message : request.groundedMessages()) {
      messages
          .addObject()
          .put("role", message.role().name().toLowerCase(Locale.ROOT))
          .put("content", message.content());
    }
    return body.toString();
  }

  private ChatModelException unreachable(Throwable cause) {
    String why =
        cause instanceof HttpTimeoutException
            ? "did not answer in time"
            : cause instanceof ConnectException ? "cannot be reached" : "failed";
    return new ChatModelException(
        Kind.UNAVAILABLE, "The model server " + host() + " " + why + ".", cause);
  }

  private ChatModelException refused(int status, String body) {
    String detail = errorMessage(body);
    Kind kind = status == 429 || status >= 500 ? Kind.UNAVAILABLE : Kind.REJECTED;
    return new ChatModelException(
        kind, "The model server " + host() + " answered HTTP " + status + detail + ".");
  }

  /** The {@code error.message} of an OpenAI-style error body, if it has one. */
  private static String errorMessage(String body) {
    try {
      JsonNode message = JSON.readTree(body).path("error").path("message");
      return message.isTextual() ? ": " + message.asText() : "";
    } catch (IOException e) {
      return "";
    }
  }

  private String host() {
    return endpoint.getHost() + (endpoint.getPort() > 0 ? ":" + endpoint.getPort() : "");
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException ignored) {
      // the reader notices the closed stream
    }
  }

  /** Reads {@code data: {...}} lines until {@code data: [DONE]}. */
  private static final class ServerSentEvents {
    private final TokenSink sink;
    private final Cancellation cancellation;
    private int tokens;
    private FinishReason reason = FinishReason.STOP;

    ServerSentEvents(TokenSink sink, Cancellation cancellation) {
      this.sink = sink;
      this.cancellation = cancellation;
    }

    Completion read(InputStream body) throws IOException {
      BufferedReader lines =
          new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
      String line;
      while ((line = lines.readLine()) != null) {
        if (cancellation.isCancelled()) {
          return new Completion(FinishReason.CANCELLED, tokens);
        }
        if (!line.startsWith("data:")) {
          continue; // comments, event names, keep-alives, blank separators
        }
        String data = line.substring(5).trim();
        if (data.equals("[DONE]")) {
          return new Completion(reason, tokens);
        }
        chunk(data);
      }
      if (cancellation.isCancelled()) {
        return new Completion(FinishReason.CANCELLED, tokens);
      }
      throw new ChatModelException(
          Kind.UNAVAILABLE, "The model server closed the stream before the answer was complete.");
    }

    private void chunk(String data) {
      JsonNode chunk;
      try {
        chunk = JSON.readTree(data);
      } catch (IOException e) {
        throw new ChatModelException(Kind.FAILED, "The model server sent a malformed event.", e);
      }
      if (chunk.has("error")) {
        throw new ChatModelException(
            Kind.FAILED, "The model failed: " + chunk.path("error").path("message").asText("?"));
      }
      JsonNode choice = chunk.path("choices").path(0);
      String text = choice.path("delta").path("content").asText("");
      if (!text.isEmpty()) {
        tokens++;
        sink.accept(text);
      }
      if ("length".equals(choice.path("finish_reason").asText())) {
        reason = FinishReason.LENGTH;
      }
    }
  }
}
