package org.wenjin.restclient;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Wenjin's REST API as a script uses it: a Keycloak token, JSON calls with it as the bearer, server
 * sent events, multipart upload. JDK only; responses come back as they are, and each caller reads
 * the JSON in its own way.
 */
public final class ApiClient {

  private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\":\"([^\"]+)\"");

  private final HttpClient http = HttpClient.newHttpClient();
  private final String app;
  private final String keycloak;

  /**
   * @param app the application's base URL, e.g. {@code http://127.0.0.1:8080}
   * @param keycloak Keycloak's base URL (realm {@code wenjin})
   */
  public ApiClient(String app, String keycloak) {
    this.app = app;
    this.keycloak = keycloak;
  }

  /** A user's bearer token, the documented way: a password grant on the public client. */
  public String passwordToken(String username, String password)
      throws IOException, InterruptedException {
    return token(
        "grant_type=password&client_id=wenjin-cli&scope=openid&username="
            + URLEncoder.encode(username, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8),
        username);
  }

  /** A service account's bearer token (client credentials grant), as a Prometheus job gets one. */
  public String clientToken(String clientId, String secret)
      throws IOException, InterruptedException {
    return token(
        "grant_type=client_credentials&client_id="
            + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
            + "&client_secret="
            + URLEncoder.encode(secret, StandardCharsets.UTF_8),
        clientId);
  }

  /**
   * Keycloak's token endpoint of {@code realm} as it answers {@code form} (any grant), for callers
   * that look at the whole response: refusals, refresh tokens, other realms.
   */
  public HttpResponse<String> tokenResponse(String realm, Map<String, String> form)
      throws IOException, InterruptedException {
    StringBuilder body = new StringBuilder();
    for (Map.Entry<String, String> field : form.entrySet()) {
      body.append(body.isEmpty() ? "" : "&")
          .append(URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8));
    }
    return tokenEndpoint(realm, body.toString());
  }

  private HttpResponse<String> tokenEndpoint(String realm, String form)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(
                URI.create(keycloak + "/realms/" + realm + "/protocol/openid-connect/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private String token(String form, String who) throws IOException, InterruptedException {
    HttpResponse<String> response = tokenEndpoint("wenjin", form);
    Matcher m = ACCESS_TOKEN.matcher(response.body());
    if (response.statusCode() != 200 || !m.find()) {
      throw new IllegalStateException(
          "Keycloak gave no token for "
              + who
              + ": "
              + response.statusCode()
              + " "
              + response.body());
    }
    return m.group(1);
  }

  public HttpResponse<String> get(String path, String token)
      throws IOException, InterruptedException {
    return send("GET", path, token, null);
  }

  public HttpResponse<String> delete(String path, String token)
      throws IOException, InterruptedException {
    return send("DELETE", path, token, null);
  }

  /** One call of {@code path} (below the app's URL); {@code token} and {@code json} may be null. */
  public HttpResponse<String> send(String method, String path, String token, String json)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = request(path, token).header("Accept", "application/json");
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    request.method(
        method,
        json == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** One call with a body of {@code contentType} (YAML, say), accepting {@code accept}. */
  public HttpResponse<String> send(
      String method, String path, String token, String contentType, String body, String accept)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = request(path, token).header("Accept", accept);
    if (body != null) {
      request.header("Content-Type", contentType);
    }
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /**
   * POSTs {@code json} and reads the server-sent events of the answer line by line, as they come.
   */
  public HttpResponse<Stream<String>> stream(String path, String token, String json)
      throws IOException, InterruptedException {
    return http.send(
        request(path, token)
            .header("Accept", "text/event-stream")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofLines());
  }

  /**
   * Uploads a file to the knowledge base ({@code POST /api/documents}) as the Documents page does.
   *
   * @param fileName null: a request without a file part
   * @param fields the other form fields (title, collection, labels, visibleTo...)
   */
  public HttpResponse<String> upload(
      String token, String fileName, byte[] bytes, Map<String, String> fields)
      throws IOException, InterruptedException {
    String boundary = "wenjin-" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (Map.Entry<String, String> f : fields.entrySet()) {
      write(body, "--" + boundary + "\r\n");
      write(body, "Content-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n");
      write(body, "Content-Type: text/plain; charset=UTF-8\r\n\r\n");
      write(body, f.getValue() + "\r\n");
    }
    if (fileName != null) {
      write(body, "--" + boundary + "\r\n");
      write(
          body, "Content-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n");
      write(body, "Content-Type: application/octet-stream\r\n\r\n");
      body.write(bytes);
      write(body, "\r\n");
    }
    write(body, "--" + boundary + "--\r\n");
    return http.send(
        request("/api/documents", token)
            .header("Accept", "application/json")
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder request(String path, String token) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app + path));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return request;
  }

  private static void write(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }
}
