package org.wenjin.api;

import static org.wenjin.platform.Jsonp.JSON;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.wenjin.chat.domain.DocumentSources;
import org.wenjin.chat.interfaces.AnswerFacade;
import org.wenjin.chat.interfaces.AnswerListener;
import org.wenjin.chat.interfaces.ConversationFacade;
import org.wenjin.chat.interfaces.TurnDto;

/**
 * The caller's own conversations: {@code GET /api/conversations[?q=]}, {@code POST
 * /api/conversations} (ask and wait for the answer), {@code POST /api/conversations/stream} (ask
 * and follow the answer as server-sent events, {@link AnswerEvents}), {@code GET
 * /api/conversations/{id}} (with its turns), {@code DELETE /api/conversations/{id}}. Another user's
 * id answers 404, exactly like a missing one.
 */
@Path("conversations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ConversationResource {

  private static final long ANSWER_TIMEOUT_MINUTES = 6;

  @EJB private AnswerFacade answers;

  @EJB private ConversationFacade conversations;

  @GET
  public jakarta.json.JsonArray list(@QueryParam("q") String text) {
    return JsonViews.array(
        conversations.conversations(text == null ? "" : text), JsonViews::conversation);
  }

  @GET
  @Path("{id}")
  public JsonObject get(@PathParam("id") long id) {
    return JSON.createObjectBuilder(JsonViews.conversation(conversations.conversation(id)))
        .add("turns", JsonViews.array(conversations.turns(id), JsonViews::turn))
        .build();
  }

  /**
   * Asks a question in a new conversation ({@code {"question": "...", "model": "..."}}, model
   * optional; {@code "documents": false} or {@code "collections": ["hr"]} choose what grounds it)
   * and answers when the answer is complete, for scripts; the browser streams instead.
   */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response ask(JsonObject body) throws InterruptedException {
    CompletableFuture<TurnDto> answered = new CompletableFuture<>();
    TurnDto asked = askNew(body, answered::complete);
    try {
      TurnDto turn = answered.get(ANSWER_TIMEOUT_MINUTES, TimeUnit.MINUTES);
      return Response.status(Response.Status.CREATED)
          .entity(
              JSON.createObjectBuilder(
                      JsonViews.conversation(conversations.conversation(asked.conversationId())))
                  .add("turns", JSON.createArrayBuilder().add(JsonViews.turn(turn)))
                  .build())
          .build();
    } catch (ExecutionException | TimeoutException e) {
      answers.stop(asked.id());
      throw new WebApplicationException(
          "The answer took too long.", Response.Status.GATEWAY_TIMEOUT);
    }
  }

  /**
   * Asks like {@link #ask} and streams the answer. A client that hangs up does not stop it (it is
   * finished and saved, like a closed browser tab); {@code POST /api/turns/{id}/stop} does.
   */
  @POST
  @Path("stream")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.SERVER_SENT_EVENTS)
  public void stream(JsonObject body, @Context SseEventSink sink, @Context Sse sse) {
    AnswerEvents events = new AnswerEvents(sse, sink);
    // the lock keeps "turn" first: pieces may arrive on pool threads before ask() returns
    synchronized (events) {
      TurnDto asked = askNew(body, events);
      events.send(
          "turn",
          JSON.createObjectBuilder()
              .add("id", asked.id())
              .add("conversationId", asked.conversationId())
              .build());
    }
  }

  /** Asks the body's question in a new conversation; the answer goes to {@code listener}. */
  private TurnDto askNew(JsonObject body, AnswerListener listener) {
    if (body == null) {
      throw new WebApplicationException(
          "Send a JSON body such as {\"question\": \"...\"}.", Response.Status.BAD_REQUEST);
    }
    return answers.ask(
        null,
        body.getString("question", ""),
        body.getString("model", null),
        sources(body),
        listener);
  }

  /** {@code "documents": false} answers without documents; {@code "collections": [...]} narrows. */
  private static DocumentSources sources(JsonObject body) {
    boolean documents = !body.containsKey("documents") || body.getBoolean("documents", true);
    List<String> collections =
        body.containsKey("collections") && body.get("collections") instanceof JsonArray array
            ? array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList()
            : List.of();
    return new DocumentSources(documents, collections);
  }

  @DELETE
  @Path("{id}")
  public Response delete(@PathParam("id") long id) {
    conversations.delete(id);
    return Response.noContent().build();
  }
}
