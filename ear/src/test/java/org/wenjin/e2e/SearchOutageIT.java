package org.wenjin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Elasticsearch goes away for real (the stack script stops the test stack's node) while a document
 * waits to be indexed: searches say the service is unavailable, the document says what it waits
 * for, and once the node is back the document is indexed exactly once.
 */
class SearchOutageIT {

  private static String awaitDocument(String token, long id, Predicate<String> condition)
      throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
    String json = "";
    while (Instant.now().isBefore(deadline)) {
      json = KnowledgeApi.send("GET", "/api/documents/" + id, token).body();
      if (condition.test(json)) {
        return json;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("document " + id + " never got there: " + json);
  }

  @Test
  void indexingWaitsForTheSearchServiceAndThenFinishesOnce() throws Exception {
    String gina = ApiIT.tokenFor("gina");
    String marker = "outage" + System.nanoTime();
    byte[] text =
        ("Business travel during a search outage: the code word is " + marker + ".")
            .getBytes(StandardCharsets.UTF_8);
    long id;
    Stack.script("stop-search");
    try {
      id =
          KnowledgeApi.id(
              KnowledgeApi.upload(gina, "outage.txt", text, Map.of("collection", "travel")));
      String waiting =
          awaitDocument(gina, id, json -> json.contains("Waiting for the search service"));
      assertThat(waiting).contains("\"status\":\"QUEUED\"");

      HttpResponse<String> search = KnowledgeApi.search(gina, "business travel");
      assertThat(search.statusCode()).isEqualTo(503);
      assertThat(search.body()).contains("The search service is not available right now");

      // not ready (search is down), yet live: a balancer keeps the node, which says what is wrong
      assertThat(health("ready")).isEqualTo(503);
      assertThat(health("live")).isEqualTo(200);
    } finally {
      Stack.script("start-search");
    }

    String indexed = awaitDocument(gina, id, json -> json.contains("\"status\":\"INDEXED\""));
    assertThat(indexed).contains("\"error\":null");
    String found = KnowledgeApi.search(gina, marker).body();
    assertThat(found).contains("\"total\":1").contains("\"documentId\":" + id);
    assertThat(KnowledgeApi.send("DELETE", "/api/documents/" + id, gina).statusCode())
        .isEqualTo(204);
  }

  private static int health(String which) throws Exception {
    return java.net.http.HttpClient.newHttpClient()
        .send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(Stack.APP_URL + "/api/health/" + which))
                .build(),
            java.net.http.HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
