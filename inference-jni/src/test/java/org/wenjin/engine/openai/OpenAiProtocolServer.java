package org.wenjin.engine.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A small HTTP server that speaks the OpenAI chat-completions streaming protocol (server-sent
 * events), for tests of the client and of the whole application. It answers every request with the
 * scripted tokens, one every {@code delay}, and notices when a client hangs up early.
 */
public final class OpenAiProtocolServer implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private volatile List<String> tokens = List.of("Hello", ", ", "world", "!");
  private volatile Duration delay = Duration.ZERO;
  private volatile int status = 200;
  private volatile String errorBody = "";
  private volatile String finishReason = "stop";
  private final AtomicReference<JsonNode> lastRequest = new AtomicReference<>();
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger hangUps = new AtomicInteger();
  private volatile CountDownLatch hungUp = new CountDownLatch(1);

  public OpenAiProtocolServer(int port) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
    server.createContext("/v1/chat/completions", this::complete);
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  public OpenAiProtocolServer answering(List<String> tokens, Duration delay) {
    this.tokens = List.copyOf(tokens);
    this.delay = delay;
    this.status = 200;
    this.finishReason = "stop";
    return this;
  }

  public OpenAiProtocolServer failing(int status, String body) {
    this.status = status;
    this.errorBody = body;
    return this;
  }

  public OpenAiProtocolServer finishingWith(String reason) {
    this.finishReason = reason;
    return this;
  }

  public JsonNode lastRequest() {
    return lastRequest.get();
  }

  public int requests() {
    return requests.get();
  }

  public int hangUps() {
    return hangUps.get();
  }

  /** Waits until a client closed a stream before its end. */
  public boolean awaitHangUp(Duration timeout) throws InterruptedException {
    return hungUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void complete(HttpExchange exchange) throws IOException {
    requests.incrementAndGet();
    lastRequest.set(JSON.readTree(exchange.getRequestBody()));
    if (status != 200) {
      byte[] body = errorBody.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
      return;
    }
    exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
    exchange.sendResponseHeaders(200, 0);
    try (OutputStream out = exchange.getResponseBody()) {
      for (String token : tokens) {
        pause();
        event(out, "{\"choices\":[{\"index\":0,\"delta\":{\"content\":" + quote(token) + "}}]}");
      }
      event(
          out,
          "{\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"" + finishReason + "\"}]}");
      event(out, "[DONE]");
    } catch (IOException clientGone) {
      hangUps.incrementAndGet();
      hungUp.countDown();
    }
  }

  private void pause() throws IOException {
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted");
    }
  }

  private static void event(OutputStream out, String data) throws IOException {
    out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  private static String quote(String text) {
    return JSON.getNodeFactory().textNode(text).toString();
  }

  public void resetHangUps() {
    hangUps.set(0);
    hungUp = new CountDownLatch(1);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
