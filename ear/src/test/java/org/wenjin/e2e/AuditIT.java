package org.wenjin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The audit trail through its REST API ({@code /api/audit}), as Acme's auditor audrey reads it:
 * every finished answer of her company with its question, answer, model, timings and tokens, kept
 * after the user deleted the conversation; administrative actions with what they changed; the
 * export as JSON Lines and as CSV (guarded against formulas); the hash chain intact. Another
 * company's events do not exist for her, and nobody but an auditor of the company reads any of it:
 * not a member, not a tenant admin, not the platform admin.
 *
 * <p>Each test asks its own questions with a UUID in them and finds its own events by that text,
 * whatever else the other tests recorded.
 */
class AuditIT {

  private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
  private static final Pattern TURN_ID = Pattern.compile("\"turns\":\\[\\{\"id\":(\\d+)");
  private static final Pattern TOTAL = Pattern.compile("\"total\":(\\d+)");
  private static final Pattern HASH = Pattern.compile("\"hash\":\"([^\"]+)\"");
  private static final Pattern EVENT_ID = Pattern.compile("\\{\"id\":(\\d+),\"seq\":");

  /**
   * Where the next event of a listing starts: {@code {"id":..,"seq":..}}, nothing else has both.
   */
  private static final Pattern EVENT_START = Pattern.compile("(?=\\{\"id\":\\d+,\"seq\":)");

  private static String alice;
  private static String audrey;

  @BeforeAll
  static void signIn() throws Exception {
    alice = ApiIT.tokenFor("alice");
    audrey = ApiIT.tokenFor("audrey");
  }

  @Test
  void theAuditorFindsAMembersExchangeWithItsQuestionAnswerModelAndTimings() throws Exception {
    String marker = marker();
    String question = "What does the audit keep of " + marker + "?";
    String asked = ask(alice, question);
    long conversation = firstId(asked);
    try {
      String turn = asked.substring(asked.indexOf("\"turns\":["));
      String model = group(Pattern.compile("\"model\":\"([^\"]+)\""), turn);
      String answer = group(Pattern.compile("\"answer\":(\"(?:[^\"\\\\]|\\\\.)*\")"), turn);

      String found = awaitAudit("q=" + q(marker), body -> total(body) == 1);

      assertThat(found).contains("\"total\":1", "\"page\":0");
      List<String> events = events(found);
      assertThat(events).as(found).hasSize(1);
      String event = events.getFirst();
      assertThat(event)
          .contains("\"type\":\"exchange\"")
          .contains("\"user\":\"alice\"")
          .contains("\"conversationId\":" + conversation + ",")
          .contains("\"turnId\":" + group(TURN_ID, asked) + ",")
          .contains("\"question\":\"" + question + "\"")
          .contains("\"answer\":" + answer)
          .contains("\"status\":\"COMPLETE\"")
          .contains("\"model\":\"" + model + "\"")
          .contains("\"documents\":[")
          .contains("\"timings\":{", "\"tokens\":{")
          .doesNotContain("\"detail\":");
      assertThat(number(event, "totalMs")).isGreaterThanOrEqualTo(0);
      assertThat(number(event, "out")).isGreaterThanOrEqualTo(0);

      long eventId = Long.parseLong(group(EVENT_ID, event));
      HttpResponse<String> one = ApiIT.send("GET", "/api/audit/events/" + eventId, audrey, null);
      assertThat(one.statusCode()).as(one.body()).isEqualTo(200);
      assertThat(one.body())
          .startsWith("{\"id\":" + eventId + ",")
          .contains("\"question\":\"" + question + "\"", "\"user\":\"alice\"")
          .contains("\"hash\":\"" + group(HASH, event) + "\"");

      // the other filters narrow the same search
      assertThat(total(audit("q=" + q(marker) + "&type=exchange&user=alice"))).isEqualTo(1);
      assertThat(total(audit("q=" + q(marker) + "&model=" + q(model)))).isEqualTo(1);
      assertThat(total(audit("q=" + q(marker) + "&model=no-such-model"))).isZero();
      assertThat(total(audit("q=" + q(marker) + "&user=carol"))).isZero();
      assertThat(total(audit("q=" + q(marker) + "&type=feedback"))).isZero();
      assertThat(total(audit("q=" + q(marker.toUpperCase())))).as("case-insensitive").isEqualTo(1);
    } finally {
      ApiIT.send("DELETE", "/api/conversations/" + conversation, alice, null);
    }
  }

  @Test
  void feedbackIsRecordedWithTheAnswerItRates() throws Exception {
    String marker = marker();
    String asked = ask(alice, "Is the audit told about feedback " + marker + "?");
    long conversation = firstId(asked);
    try {
      String turnId = group(TURN_ID, asked);
      HttpResponse<String> rated =
          ApiIT.send(
              "PUT",
              "/api/turns/" + turnId + "/feedback",
              alice,
              "{\"rating\":-1,\"comment\":\"missed the leave policy\"}");
      assertThat(rated.statusCode()).as(rated.body()).isEqualTo(200);
      assertThat(rated.body()).contains("\"rating\":-1");
      assertThat(
              ApiIT.send("PUT", "/api/turns/" + turnId + "/feedback", alice, "{\"rating\":5}")
                  .statusCode())
          .isEqualTo(400);

      String found = awaitAudit("q=" + q(marker) + "&feedback=down", body -> total(body) == 1);
      String event = events(found).getFirst();
      assertThat(event)
          .contains("\"type\":\"feedback\"", "\"user\":\"alice\"", "\"rating\":-1")
          .contains("\"comment\":\"missed the leave policy\"", "\"turnId\":" + turnId + ",");
      assertThat(total(audit("q=" + q(marker) + "&feedback=up"))).isZero();
      assertThat(
              ApiIT.send(
                      "PUT",
                      "/api/turns/" + turnId + "/feedback",
                      ApiIT.tokenFor("bob"),
                      "{\"rating\":1}")
                  .statusCode())
          .as("another company's user")
          .isEqualTo(404);
    } finally {
      ApiIT.send("DELETE", "/api/conversations/" + conversation, alice, null);
    }
  }

  @Test
  void anotherCompanysExchangesAreNotInTheAuditorsTrail() throws Exception {
    String bob = ApiIT.tokenFor("bob");
    String marker = marker();
    long globex = firstId(ask(bob, "Only Globex may see " + marker));
    String control = marker();
    long acme = firstId(ask(alice, "Acme asks after Globex " + control));
    try {
      // alice's exchange after bob's is in the trail: bob's would be there by now if it ever were
      String controlFound = awaitAudit("q=" + q(control), body -> total(body) == 1);

      HttpResponse<String> search = auditResponse("q=" + q(marker));
      assertThat(search.statusCode()).as(search.body()).isEqualTo(200);
      assertThat(search.body()).contains("\"events\":[]", "\"total\":0");
      assertThat(total(audit("user=bob"))).as("bob acts for Globex only").isZero();
      assertThat(total(audit("user=gina"))).isZero();
      assertThat(audit("size=200")).doesNotContain("\"user\":\"bob\"", marker);

      long random = ThreadLocalRandom.current().nextLong(1L << 50, 1L << 60);
      HttpResponse<String> missing = ApiIT.send("GET", "/api/audit/events/" + random, audrey, null);
      assertThat(missing.statusCode()).isEqualTo(404);
      assertThat(missing.body()).contains("\"error\":\"not_found\"");

      // event ids count across companies: the ids just below alice's exchange that Acme's trail
      // lacks (bob's exchange among them) answer exactly like an id that does not exist
      long controlId = Long.parseLong(group(EVENT_ID, controlFound));
      Set<Long> acmeIds = new TreeSet<>();
      EVENT_ID
          .matcher(audit("size=200"))
          .results()
          .forEach(m -> acmeIds.add(Long.valueOf(m.group(1))));
      // Acme's event before alice's (the newest 200 reach below it), or none at all
      long previous = acmeIds.stream().filter(id -> id < controlId).max(Long::compare).orElse(0L);
      List<Long> others = new ArrayList<>();
      for (long id = controlId - 1; id > Math.max(previous, controlId - 20); id--) {
        if (!acmeIds.contains(id)) {
          others.add(id);
        }
      }
      assertThat(others).as("bob's exchange has an id between Acme's events").isNotEmpty();
      for (long id : others) {
        HttpResponse<String> other = ApiIT.send("GET", "/api/audit/events/" + id, audrey, null);
        assertThat(other.statusCode()).as("event " + id).isEqualTo(404);
        assertThat(other.body()).isEqualTo(missing.body());
      }
    } finally {
      ApiIT.send("DELETE", "/api/conversations/" + globex, bob, null);
      ApiIT.send("DELETE", "/api/conversations/" + acme, alice, null);
    }
  }

  @Test
  void aDeletedConversationLeavesTheHistoryButNotTheAuditTrail() throws Exception {
    String marker = marker();
    String question = "Forget that I asked " + marker;
    long conversation = firstId(ask(alice, question));
    awaitAudit("q=" + q(marker), body -> total(body) == 1);

    HttpResponse<String> deleted =
        ApiIT.send("DELETE", "/api/conversations/" + conversation, alice, null);
    assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);

    assertThat(ApiIT.send("GET", "/api/conversations/" + conversation, alice, null).statusCode())
        .isEqualTo(404);
    assertThat(ApiIT.send("GET", "/api/conversations?q=" + q(marker), alice, null).body())
        .doesNotContain(marker);
    String kept = audit("q=" + q(marker));
    assertThat(total(kept)).isEqualTo(1);
    assertThat(kept)
        .contains("\"type\":\"exchange\"", "\"question\":\"" + question + "\"")
        .contains("\"conversationId\":" + conversation + ",");

    String deletions =
        awaitAudit(
            "type=conversation.deleted&user=alice&size=200",
            body -> deletionOf(body, conversation) != null);
    assertThat(deletionOf(deletions, conversation))
        .contains("\"user\":\"alice\"", "\"question\":null", "\"turns\":1");
  }

  @Test
  void theExportStreamsEveryMatchingEventAsJsonLinesOrCsvWithFormulasDefused() throws Exception {
    String marker = marker();
    String plain = "Export this question " + marker;
    String formula = "=HYPERLINK('https://example.invalid/x') " + marker;
    long first = firstId(ask(alice, plain));
    long second = firstId(ask(alice, formula));
    try {
      awaitAudit("q=" + q(marker), body -> total(body) == 2);

      HttpResponse<String> jsonl = ApiIT.send("GET", export("jsonl", marker), audrey, null);
      assertThat(jsonl.statusCode()).as(jsonl.body()).isEqualTo(200);
      assertThat(header(jsonl, "Content-Type")).startsWith("application/x-ndjson");
      assertThat(header(jsonl, "Content-Disposition"))
          .startsWith("attachment")
          .endsWith(".jsonl\"");
      assertThat(header(jsonl, "X-Total-Count")).isEqualTo("2");
      List<String> lines = lines(jsonl.body());
      assertThat(lines).as(jsonl.body()).hasSize(2);
      for (String line : lines) {
        assertThat(line)
            .startsWith("{\"id\":")
            .endsWith("}")
            .contains(marker, "\"user\":\"alice\"");
      }
      assertThat(lines.get(0)).as("newest first").contains("\"question\":\"" + formula + "\"");
      assertThat(lines.get(1)).contains("\"question\":\"" + plain + "\"");

      HttpResponse<String> csv = ApiIT.send("GET", export("csv", marker), audrey, null);
      assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
      assertThat(header(csv, "Content-Type")).startsWith("text/csv");
      assertThat(header(csv, "Content-Disposition")).startsWith("attachment").endsWith(".csv\"");
      List<String> rows = lines(csv.body());
      assertThat(rows.getFirst()).startsWith("id,seq,at,type,user");
      assertThat(csv.body()).contains(plain).contains("'" + formula);
      assertThat(csv.body()).doesNotContain(",=HYPERLINK", ",\"=HYPERLINK");
      assertThat(rows).noneMatch(row -> row.matches("\"?=HYPERLINK.*"));

      HttpResponse<String> none = ApiIT.send("GET", export("csv", marker()), audrey, null);
      assertThat(none.statusCode()).isEqualTo(200);
      assertThat(lines(none.body())).as("the header alone").hasSize(1);
    } finally {
      ApiIT.send("DELETE", "/api/conversations/" + first, alice, null);
      ApiIT.send("DELETE", "/api/conversations/" + second, alice, null);
    }
  }

  @Test
  void theHashChainOfTheCompanyIsIntact() throws Exception {
    String marker = marker();
    long conversation = firstId(ask(alice, "Is the chain intact after " + marker + "?"));
    try {
      awaitAudit("q=" + q(marker), body -> total(body) == 1);

      HttpResponse<String> verified = ApiIT.send("GET", "/api/audit/verify", audrey, null);

      assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
      assertThat(verified.body()).contains("\"intact\":true").doesNotContain("firstBroken");
      assertThat(number(verified.body(), "events")).isGreaterThanOrEqualTo(1);
    } finally {
      ApiIT.send("DELETE", "/api/conversations/" + conversation, alice, null);
    }
  }

  @Test
  void onlyTheCompanysAuditorReadsTheTrail() throws Exception {
    String mia = ApiIT.tokenFor("mia");
    assertThat(actFor(mia, "acme").statusCode()).isEqualTo(200);
    List<String> paths =
        List.of(
            "/api/audit/events",
            "/api/audit/events/1",
            "/api/audit/export?format=csv",
            "/api/audit/export?format=jsonl",
            "/api/audit/verify");
    Map<String, String> others =
        Map.of(
            "alice (member)", alice,
            "carol (tenant admin)", ApiIT.tokenFor("carol"),
            "mia (tenant admin)", mia,
            "root (platform admin)", ApiIT.tokenFor("root"),
            "gina (Globex's admin)", ApiIT.tokenFor("gina"),
            "bob (Globex member)", ApiIT.tokenFor("bob"));
    for (Map.Entry<String, String> other : others.entrySet()) {
      for (String path : paths) {
        HttpResponse<String> refused = ApiIT.send("GET", path, other.getValue(), null);
        assertThat(refused.statusCode())
            .as(other.getKey() + " GET " + path + ": " + refused.body())
            .isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).contains("json");
        assertThat(refused.body()).contains("\"error\":\"forbidden\"");
      }
    }
    assertThat(ApiIT.send("GET", "/api/audit/events", null, null).statusCode()).isEqualTo(401);
    for (String path : List.of("/api/audit/events", "/api/audit/verify")) {
      assertThat(ApiIT.send("GET", path, audrey, null).statusCode()).as(path).isEqualTo(200);
    }
  }

  @Test
  void badFiltersAre400sThatSayWhy() throws Exception {
    Map<String, String> bad =
        Map.of(
            "/api/audit/events?from=yesterday",
            "'from' must be a day",
            "/api/audit/events?to=2026-13-01",
            "'to' must be a day",
            "/api/audit/events?from=2026-01-02&to=2026-01-01",
            "'from' must be before 'to'",
            "/api/audit/events?feedback=maybe",
            "'feedback' must be up or down",
            "/api/audit/events?size=1000",
            "1 to 200 per page",
            "/api/audit/events?document=abc",
            "'document' must be a document id",
            "/api/audit/events?type=" + q("exchange' or 1=1"),
            "'type' must be an event type",
            "/api/audit/export?format=xml",
            "'format' must be csv or jsonl",
            "/api/audit/export",
            "'format' must be csv or jsonl",
            "/api/audit/export?format=csv&from=yesterday",
            "'from' must be a day");
    for (Map.Entry<String, String> call : bad.entrySet()) {
      HttpResponse<String> refused = ApiIT.send("GET", call.getKey(), audrey, null);
      assertThat(refused.statusCode()).as(call.getKey() + ": " + refused.body()).isEqualTo(400);
      assertThat(refused.body())
          .as(call.getKey())
          .contains("\"error\":\"invalid_request\"", call.getValue());
    }
    assertThat(auditResponse("size=200&from=2026-01-01&to=2026-01-01T00:00:01Z").statusCode())
        .isEqualTo(200);
    assertThat(auditResponse("feedback=up&type=feedback").statusCode()).isEqualTo(200);
  }

  @Test
  void aSettingsChangeIsRecordedWithBeforeAndAfter() throws Exception {
    String carol = ApiIT.tokenFor("carol");
    String settings = ApiIT.send("GET", "/api/chat/settings", carol, null).body();
    String offered = group(Pattern.compile("\"offered\":(\\[[^\\]]*\\])"), settings);
    String preselected = group(Pattern.compile("\"preselected\":\"([^\"]*)\""), settings);
    long turns = number(settings, "historyTurns");
    long changed = turns == 7 ? 6 : 7;
    try {
      HttpResponse<String> put =
          ApiIT.send(
              "PUT", "/api/chat/settings", carol, chatSettings(offered, preselected, changed));
      assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    } finally {
      HttpResponse<String> restored =
          ApiIT.send("PUT", "/api/chat/settings", carol, chatSettings(offered, preselected, turns));
      assertThat(restored.statusCode()).as(restored.body()).isEqualTo(200);
    }

    Pattern change = settingsChange(turns, changed);
    Pattern restore = settingsChange(changed, turns);
    String found =
        awaitAudit(
            "type=settings.*&user=carol&size=200",
            body -> eventMatching(body, change) != null && eventMatching(body, restore) != null);
    String changeEvent = eventMatching(found, change);
    assertThat(changeEvent)
        .contains("\"type\":\"settings.chat-changed\"", "\"user\":\"carol\"")
        .contains("\"defaultModel\":\"" + preselected + "\"");
    List<String> events = events(found);
    assertThat(events.indexOf(eventMatching(found, restore)))
        .as("newest first: the restore before the change")
        .isLessThan(events.indexOf(changeEvent));
    assertThat(audit("type=settings.chat-changed&user=carol&size=200")).contains(changeEvent);
  }

  @Test
  void documentActionsAreRecordedWithTheDocument() throws Exception {
    String carol = ApiIT.tokenFor("carol");
    String marker = marker();
    long document =
        KnowledgeApi.id(
            KnowledgeApi.upload(
                carol,
                "audit-" + marker + ".md",
                ("# Audited\n\nThe " + marker + " document.").getBytes(StandardCharsets.UTF_8),
                Map.of()));
    try {
      KnowledgeApi.awaitSettled(carol, document);
      HttpResponse<String> reindexed =
          KnowledgeApi.send("POST", "/api/documents/" + document + "/reindex", carol);
      assertThat(reindexed.statusCode()).as(reindexed.body()).isLessThan(300);
      KnowledgeApi.awaitSettled(carol, document);
    } finally {
      KnowledgeApi.send("DELETE", "/api/documents/" + document, carol);
    }

    List<String> types = List.of("document.uploaded", "document.reindexed", "document.deleted");
    String found =
        awaitAudit(
            "type=document.*&user=carol&size=200",
            body -> types.stream().allMatch(t -> documentEvent(body, t, document) != null));
    assertThat(documentEvent(found, "document.uploaded", document))
        .contains("\"source\":\"audit-" + marker + ".md\"", "\"sha256\":\"", "\"bytes\":");
    assertThat(documentEvent(found, "document.deleted", document))
        .contains("\"user\":\"carol\"", "\"source\":\"audit-" + marker + ".md\"");
  }

  @Test
  void aSwitchIsRecordedInTheCompanySwitchedTo() throws Exception {
    String mia = ApiIT.tokenFor("mia");
    long before = total(audit("type=company.switched&user=mia"));
    try {
      assertThat(actFor(mia, "globex").statusCode()).isEqualTo(200);
    } finally {
      assertThat(actFor(mia, "acme").statusCode()).isEqualTo(200);
    }

    String found = awaitAudit("type=company.switched&user=mia", body -> total(body) > before);
    assertThat(events(found).getFirst())
        .contains("\"type\":\"company.switched\"", "\"user\":\"mia\"")
        .contains("\"detail\":{\"detail\":\"to acme\"}");
    assertThat(audit("type=company.switched&user=mia&size=200"))
        .as("the switch to Globex is Globex's")
        .doesNotContain("to globex");
  }

  // --- helpers

  private static String marker() {
    return "audit-" + UUID.randomUUID();
  }

  private static String q(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  /** Asks {@code question} as a new conversation and waits for the answer; returns its JSON. */
  private static String ask(String token, String question) throws Exception {
    HttpResponse<String> asked =
        ApiIT.send("POST", "/api/conversations", token, "{\"question\":\"" + question + "\"}");
    assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);
    assertThat(asked.body()).contains("\"status\":\"COMPLETE\"");
    return asked.body();
  }

  private static HttpResponse<String> actFor(String token, String alias) throws Exception {
    return ApiIT.send("PUT", "/api/me/tenant", token, "{\"tenant\":\"" + alias + "\"}");
  }

  private static HttpResponse<String> auditResponse(String query) throws Exception {
    return ApiIT.send("GET", "/api/audit/events?" + query, audrey, null);
  }

  /** audrey's search with {@code query}; a 200 or the test fails. */
  private static String audit(String query) throws Exception {
    HttpResponse<String> found = auditResponse(query);
    assertThat(found.statusCode()).as(query + ": " + found.body()).isEqualTo(200);
    return found.body();
  }

  /** audrey's search until {@code until} holds (an answer's event commits as it is sent). */
  private static String awaitAudit(String query, Predicate<String> until) throws Exception {
    Instant deadline = Instant.now().plusSeconds(10);
    String found = audit(query);
    while (!until.test(found)) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("the audit search '" + query + "' never matched: " + found);
      }
      Thread.sleep(200);
      found = audit(query);
    }
    return found;
  }

  private static String export(String format, String marker) {
    return "/api/audit/export?format=" + format + "&q=" + q(marker);
  }

  /** The events of a listing, one JSON object (as text) each, newest first. */
  private static List<String> events(String listing) {
    int start = listing.indexOf("\"events\":[") + "\"events\":[".length();
    String array = listing.substring(start, listing.lastIndexOf("],\"total\":"));
    return Arrays.stream(EVENT_START.split(array))
        .filter(e -> e.startsWith("{\"id\":"))
        .map(e -> e.endsWith(",") ? e.substring(0, e.length() - 1) : e)
        .toList();
  }

  private static String eventMatching(String listing, Pattern pattern) {
    return events(listing).stream().filter(e -> pattern.matcher(e).find()).findFirst().orElse(null);
  }

  private static String deletionOf(String listing, long conversation) {
    return eventMatching(
        listing,
        Pattern.compile(
            "\"type\":\"conversation\\.deleted\".*\"detail\":\\{\"conversationId\":"
                + conversation
                + ","));
  }

  private static String documentEvent(String listing, String type, long document) {
    return eventMatching(
        listing,
        Pattern.compile(
            "\"type\":\""
                + Pattern.quote(type)
                + "\".*\"detail\":\\{\"documentId\":"
                + document
                + ","));
  }

  private static String chatSettings(String offered, String preselected, long historyTurns) {
    return "{\"offered\":"
        + offered
        + ",\"preselected\":\""
        + preselected
        + "\",\"historyTurns\":"
        + historyTurns
        + "}";
  }

  /** A chat settings event whose history window went from {@code from} to {@code to}. */
  private static Pattern settingsChange(long from, long to) {
    return Pattern.compile(
        "\"detail\":\\{\"before\":\\{[^{}]*\"historyTurns\":"
            + from
            + "\\},\"after\":\\{[^{}]*\"historyTurns\":"
            + to
            + "\\}\\}");
  }

  private static List<String> lines(String body) {
    return body.lines().filter(line -> !line.isEmpty()).toList();
  }

  private static String header(HttpResponse<String> response, String name) {
    return response.headers().firstValue(name).orElse("");
  }

  private static long firstId(String json) {
    return Long.parseLong(group(ID, json));
  }

  private static long total(String listing) {
    return Long.parseLong(group(TOTAL, listing));
  }

  private static long number(String json, String field) {
    return Long.parseLong(group(Pattern.compile("\"" + field + "\":(-?\\d+)"), json));
  }

  private static String group(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    assertThat(m.find()).as(pattern + " in " + text).isTrue();
    return m.group(1);
  }
}
