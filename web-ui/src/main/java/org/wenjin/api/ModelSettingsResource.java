package org.wenjin.api;

import static org.wenjin.platform.Jsonp.JSON;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.wenjin.chat.domain.ChatRules;
import org.wenjin.chat.interfaces.ModelDto;
import org.wenjin.chat.interfaces.ModelSettingsDto;
import org.wenjin.chat.interfaces.ModelSettingsFacade;
import org.wenjin.chat.interfaces.VoiceSettingsDto;

/**
 * The company's model settings, for tenant admins: {@code GET /api/chat/settings} and {@code PUT}
 * with {@code {"offered":["extractive"],"preselected":"extractive","historyTurns":5}}; the
 * assistant's system prompt and answer language under {@code /voice}.
 */
@Path("chat/settings")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ModelSettingsResource {

  @EJB private ModelSettingsFacade modelSettings;

  @GET
  public JsonObject get() {
    return json(modelSettings.modelSettings());
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  public JsonObject put(JsonObject body) {
    if (body == null
        || !(body.get("offered") instanceof JsonArray offered)
        || !(body.get("preselected") instanceof JsonString preselected)
        || !(body.get("historyTurns") instanceof JsonNumber turns)) {
      throw new ChatRules(
          "Send {\"offered\": [model ids], \"preselected\": \"id\", \"historyTurns\": n}.");
    }
    return json(
        modelSettings.changeModelSettings(
            offered.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList(),
            preselected.getString(),
            turns.intValue()));
  }

  /** {@code GET /api/chat/settings/voice}: the system prompt and answer language. */
  @GET
  @Path("voice")
  public JsonObject voice() {
    return json(modelSettings.voice());
  }

  /**
   * {@code PUT /api/chat/settings/voice} with {@code {"systemPrompt": "... {{company}} ...",
   * "answerLanguage": "auto" | "zh" | "en"}}; an empty prompt restores the built-in one.
   */
  @PUT
  @Path("voice")
  @Consumes(MediaType.APPLICATION_JSON)
  public JsonObject putVoice(JsonObject body) {
    if (body == null
        || !(body.get("systemPrompt") instanceof JsonString prompt)
        || !(body.get("answerLanguage") instanceof JsonString language)) {
      throw new ChatRules(
          "Send {\"systemPrompt\": \"text, or empty for the built-in one\", \"answerLanguage\":"
              + " \"auto\", \"zh\" or \"en\"}.");
    }
    return json(modelSettings.changeVoice(prompt.getString(), language.getString()));
  }

  private static JsonObject json(VoiceSettingsDto v) {
    return JSON.createObjectBuilder()
        .add("systemPrompt", v.systemPrompt())
        .add("defaultPrompt", v.defaultPrompt())
        .add("answerLanguage", v.language())
        .build();
  }

  private static JsonObject json(ModelSettingsDto s) {
    return JSON.createObjectBuilder()
        .add(
            "registered",
            JsonViews.array(
                s.registered(),
                (ModelDto m) ->
                    JSON.createObjectBuilder().add("id", m.id()).add("label", m.label()).build()))
        .add("offered", JSON.createArrayBuilder(s.offered()))
        .add("preselected", s.preselected() == null ? "" : s.preselected())
        .add("historyTurns", s.historyTurns())
        .build();
  }
}
