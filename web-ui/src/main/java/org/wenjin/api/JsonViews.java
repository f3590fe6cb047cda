package org.wenjin.api;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Collection;
import java.util.function.Function;
import org.wenjin.chat.interfaces.ConversationDto;
import org.wenjin.chat.interfaces.TurnDto;
import org.wenjin.tenancy.interfaces.SessionDto;
import org.wenjin.tenancy.interfaces.TenantDto;

/**
 * The API's JSON, written with JSON-P on purpose: explicit field names that do not change when a
 * DTO does, and no dependence on which Jackson WildFly hands the deployment.
 */
final class JsonViews {

  private JsonViews() {}

  static JsonObject session(SessionDto session) {
    JsonObjectBuilder json =
        Json.createObjectBuilder()
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
    return Json.createObjectBuilder()
        .add("alias", tenant.alias())
        .add("displayName", tenant.displayName())
        .add("emailDomain", nullable(tenant.emailDomain()))
        .add("enabled", tenant.enabled())
        .add("createdAt", tenant.createdAt().toString())
        .build();
  }

  static JsonObject conversation(ConversationDto c) {
    return Json.createObjectBuilder()
        .add("id", c.id())
        .add("title", c.title())
        .add("updatedAt", c.updatedAt().toString())
        .add("model", nullable(c.modelId()))
        .build();
  }

  static JsonObject turn(TurnDto t) {
    return Json.createObjectBuilder()
        .add("id", t.id())
        .add("question", t.question())
        .add("answer", t.answer())
        .add("status", t.status())
        .add("error", nullable(t.error()))
        .add("model", nullable(t.modelId()))
        .add("askedAt", t.askedAt().toString())
        .add(
            "rating",
            t.rating() == null ? jakarta.json.JsonValue.NULL : Json.createValue(t.rating()))
        .build();
  }

  static <T> JsonArray array(Collection<T> items, Function<T, JsonObject> view) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    items.forEach(item -> array.add(view.apply(item)));
    return array.build();
  }

  private static JsonObject tenantRef(SessionDto.TenantDto tenant) {
    return Json.createObjectBuilder()
        .add("alias", tenant.alias())
        .add("displayName", tenant.displayName())
        .build();
  }

  private static JsonArray strings(Collection<String> values) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    values.forEach(array::add);
    return array.build();
  }

  private static jakarta.json.JsonValue nullable(String value) {
    return value == null ? jakarta.json.JsonValue.NULL : Json.createValue(value);
  }
}
