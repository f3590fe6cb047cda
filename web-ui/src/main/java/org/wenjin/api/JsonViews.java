package org.wenjin.api;

import static org.wenjin.platform.Jsonp.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.Collection;
import java.util.function.Function;
import org.wenjin.chat.domain.Citation;
import org.wenjin.chat.interfaces.ConversationDto;
import org.wenjin.chat.interfaces.TurnDto;
import org.wenjin.knowledge.domain.Facet;
import org.wenjin.knowledge.interfaces.DocumentDto;
import org.wenjin.knowledge.interfaces.SearchHitDto;
import org.wenjin.knowledge.interfaces.SearchResultsDto;
import org.wenjin.tenancy.interfaces.ApiKeyDto;
import org.wenjin.tenancy.interfaces.SessionDto;
import org.wenjin.tenancy.interfaces.TenantDto;

/**
 * The API's JSON, written with JSON-P on purpose: explicit field names that do not change when a
 * DTO does, and no dependence on which Jackson WildFly hands the deployment.
 */
public final class JsonViews {

  private JsonViews() {}

  static JsonObject session(SessionDto session) {
    JsonObjectBuilder json =
        JSON.createObjectBuilder()
            .add("username", session.username())
            .add("displayName", nullable(session.displayName()))
            .add("email", nullable(session.email()))
            .add("access", session.access().name())
            .add("roles", strings(session.roles().stream().sorted().toList()))
            .add("tenants", array(session.tenants(), JsonViews::tenantRef));
    if (session.activeTenant() == null) {
      json.addNull("activeTenant");
    } else {
      json.add("activeTenant", tenantRef(session.activeTenant()));
    }
    return json.build();
  }

  static JsonObject tenant(TenantDto tenant) {
    return JSON.createObjectBuilder()
        .add("alias", tenant.alias())
        .add("displayName", tenant.displayName())
        .add("emailDomain", nullable(tenant.emailDomain()))
        .add("enabled", tenant.enabled())
        .add("createdAt", tenant.createdAt().toString())
        .build();
  }

  static JsonObject conversation(ConversationDto c) {
    return JSON.createObjectBuilder()
        .add("id", c.id())
        .add("title", c.title())
        .add("updatedAt", c.updatedAt().toString())
        .add("model", nullable(c.modelId()))
        .add("documents", c.sources().enabled())
        .add("collections", strings(c.sources().collections()))
        .build();
  }

  static JsonObject turn(TurnDto t) {
    return JSON.createObjectBuilder()
        .add("id", t.id())
        .add("question", t.question())
        .add("answer", t.answer())
        .add("status", t.status())
        .add("error", nullable(t.error()))
        .add("model", nullable(t.modelId()))
        .add("askedAt", t.askedAt().toString())
        .add(
            "rating",
            t.rating() == null ? jakarta.json.JsonValue.NULL : JSON.createValue(t.rating()))
        .add("citations", array(t.citations(), JsonViews::citation))
        .add("flow", nullable(t.flowId()))
        .add("steps", steps(t.flowTrace()))
        .build();
  }

  /** A flow's trace as stored with the turn; one that does not parse is shown as none. */
  static JsonValue steps(String trace) {
    if (trace == null) {
      return JsonValue.NULL;
    }
    try (var reader = JSON.createReader(new java.io.StringReader(trace))) {
      return reader.readArray();
    } catch (jakarta.json.JsonException e) {
      return JsonValue.EMPTY_JSON_ARRAY;
    }
  }

  public static JsonObject citation(Citation c) {
    return JSON.createObjectBuilder()
        .add("n", c.marker())
        .add("documentId", c.documentId())
        .add("chunk", c.chunk())
        .add("title", c.title())
        .add("sourceName", c.source())
        .add("page", number(c.page()))
        .build();
  }

  static JsonObject apiKey(ApiKeyDto k) {
    return JSON.createObjectBuilder()
        .add("id", k.id())
        .add("name", k.name())
        .add("shown", k.shown())
        .add("owner", k.owner())
        .add("active", k.isActive())
        .add("createdAt", k.createdAt().toString())
        .add("lastUsedAt", instant(k.lastUsedAt()))
        .add("revokedAt", instant(k.revokedAt()))
        .add("revokedBy", nullable(k.revokedBy()))
        .build();
  }

  private static JsonValue instant(java.time.Instant at) {
    return at == null ? JsonValue.NULL : JSON.createValue(at.toString());
  }

  static JsonObject document(DocumentDto d) {
    return JSON.createObjectBuilder()
        .add("id", d.id())
        .add("title", d.title())
        .add("sourceName", d.sourceName())
        .add("mediaType", d.mediaType())
        .add("sizeBytes", d.sizeBytes())
        .add("collection", d.collection())
        .add("labels", strings(d.labels()))
        .add("visibleTo", strings(d.visibleTo()))
        .add("status", d.status())
        .add("chunksTotal", number(d.chunksTotal()))
        .add("chunksDone", d.chunksDone())
        .add("pages", number(d.pages()))
        .add("error", nullable(d.error()))
        .add("createdAt", d.createdAt().toString())
        .add(
            "indexedAt",
            d.indexedAt() == null ? JsonValue.NULL : JSON.createValue(d.indexedAt().toString()))
        .build();
  }

  static JsonObject searchResults(SearchResultsDto r) {
    return JSON.createObjectBuilder()
        .add("query", r.query())
        .add("total", r.total())
        .add("page", r.page())
        .add("wordsOnly", r.wordsOnly())
        .add("goodMatch", r.goodMatch())
        .add("results", array(r.hits(), JsonViews::searchHit))
        .add("facets", facets(r.facets()))
        .build();
  }

  private static JsonObject facets(java.util.Map<String, java.util.List<Facet>> facets) {
    JsonObjectBuilder json = JSON.createObjectBuilder();
    facets.forEach(
        (field, values) ->
            json.add(
                field,
                array(
                    values,
                    f ->
                        JSON.createObjectBuilder()
                            .add("value", f.value())
                            .add("count", f.count())
                            .build())));
    return json.build();
  }

  private static JsonObject searchHit(SearchHitDto h) {
    return JSON.createObjectBuilder()
        .add("documentId", h.documentId())
        .add("chunk", h.chunk())
        .add("title", h.title())
        .add("sourceName", h.sourceName())
        .add("mediaType", h.mediaType())
        .add("collection", h.collection())
        .add("labels", strings(h.labels()))
        .add("page", number(h.page()))
        .add("heading", nullable(h.heading()))
        .add("text", h.text())
        .add("fragments", strings(h.fragments()))
        .add("score", h.score())
        .build();
  }

  private static JsonValue number(Integer n) {
    return n == null ? JsonValue.NULL : JSON.createValue(n);
  }

  public static <T> JsonArray array(Collection<T> items, Function<T, JsonObject> view) {
    JsonArrayBuilder array = JSON.createArrayBuilder();
    items.forEach(item -> array.add(view.apply(item)));
    return array.build();
  }

  private static JsonObject tenantRef(SessionDto.TenantDto tenant) {
    return JSON.createObjectBuilder()
        .add("alias", tenant.alias())
        .add("displayName", tenant.displayName())
        .build();
  }

  private static JsonArray strings(Collection<String> values) {
    JsonArrayBuilder array = JSON.createArrayBuilder();
    values.forEach(array::add);
    return array.build();
  }

  private static jakarta.json.JsonValue nullable(String value) {
    return value == null ? jakarta.json.JsonValue.NULL : JSON.createValue(value);
  }
}
