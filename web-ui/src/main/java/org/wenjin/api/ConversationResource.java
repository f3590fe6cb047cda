package org.wenjin.api;

import static org.wenjin.platform.Jsonp.JSON;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ContextService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.wenjin.api.limits.ApiLimits;
import org.wenjin.chat.domain.DocumentSources;
import org.wenjin.chat.interfaces.AnswerFacade;
import org.wenjin.chat.interfaces.AnswerListener;
import org.wenjin.chat.interfaces.ConversationDto;
import org.wenjin.chat.interfaces.ConversationFacade;
import org.wenjin.chat.interfaces.TurnDto;

/**
 * The caller's own conversations: {@code GET /api/conversations[?q=][&page=0&size=50]} (newest
 * first, a page at a time: {@link PageRequest}), {@code POST /api/conversations} (ask and wait for
 * the answer), {@code POST /api/conversations/stream} (ask and follow the answer as server-sent
 * events, {@link AnswerEvents}), {@code GET /api/conversations/{id}[?page=0&size=50]} (with a page
 * of its turns, oldest first, and {@code turnsTotal}), {@code DELETE /api/conversations/{id}}.
 * Another user's id answers 404, exactly like a missing one.
 */
@Path("conversations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ConversationResource {

  private static final Logger LOG = Logger.getLogger(ConversationResource.class.getName());

  @EJB private AnswerFacade answers;

  @EJB private ConversationFacade conversations;

  @Inject private ApiLimits limits;

  /** Carries the caller's identity to the thread that stops an answer which took too long. */
  @Resource private ContextService contexts;

  @Context private HttpServletRequest servletRequest;

  @GET
  public JsonArray list(
      @QueryParam("q") String text,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    PageRequest wanted = PageRequest.of(page, size);
    return JsonViews.array(
        conversations.conversations(text == null ? "" : text, wanted.page(), wanted.size()),
        JsonViews::conversation);
  }

  @GET
  @Path("{id}")
  public JsonObject get(
      @PathParam("id") long id, @QueryParam("page") String page, @QueryParam("size") String size) {
    PageRequest wanted = PageRequest.of(page, size);
    List<TurnDto> turns = conversations.turns(id);
    return JSON.createObjectBuilder(JsonViews.conversation(conversations.conversation(id)))
        .add("turns", JsonViews.array(wanted.of(turns), JsonViews::turn))
        .add("turnsTotal", turns.size())
        .build();
  }

  /**
   * Asks a question in a new conversation ({@code {"question": "...", "model": "..."}}, model
   * optional; {@code "documents": false} or {@code "collections": ["hr"]} choose what grounds it,
   * {@code "flow": "knowledge-notes"} the flow that answers) and answers when the answer is
   * complete, for scripts; the browser streams instead.
   *
   * <p>The wait holds no HTTP worker thread: the request is suspended and resumed by the pool
   * thread that finishes the answer. After {@link ApiLimits#askTimeout()} the answer is stopped
   * (what was written is kept) and the caller gets a 504. A client that hangs up earlier does not
   * stop it: it is finished and saved, as for the stream.
   */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public void ask(JsonObject body, @Suspended AsyncResponse response) {
    CompletableFuture<TurnDto> answered = new CompletableFuture<>();
    TurnDto asked;
    ConversationDto conversation;
    try {
      asked = askNew(body, answered::complete);
      // read now, on the caller's thread: the pool thread that completes the answer has no
      // caller to pass the facade's role and tenant checks
      conversation = conversations.conversation(asked.conversationId());
    } catch (RuntimeException e) {
      response.resume(e); // mapped like any other failure
      return;
    }
    AnswerFacade facade = answers; // the handlers run after this request scope is gone
    Runnable stop = contexts.contextualRunnable(() -> facade.stop(asked.id()));
    long timeout = limits.askTimeout().toSeconds();
    response.setTimeoutHandler(late -> late.resume(tookTooLong(stop, timeout)));
    // the servlet container's own timeout, not AsyncResponse.setTimeout: RESTEasy schedules that
    // on the managed scheduled executor, which keeps a cancelled task (and with it the whole
    // request) for its full delay — the soak saw 10,000 requests retained, as in issue 20
    servletRequest.getAsyncContext().setTimeout(TimeUnit.SECONDS.toMillis(timeout));
    answered.thenAccept(turn -> response.resume(created(conversation, turn)));
  }

  private static Response created(ConversationDto conversation, TurnDto turn) {
    return Response.status(Response.Status.CREATED)
        .entity(
            JSON.createObjectBuilder(JsonViews.conversation(conversation))
                .add("turns", JSON.createArrayBuilder().add(JsonViews.turn(turn)))
                .build())
        .build();
  }

  private static Response tookTooLong(Runnable stop, long timeoutSeconds) {
    try {
      stop.run();
    } catch (RuntimeException e) {
      // the pool's own deadline ends it soon after; the caller still gets the 504
      LOG.log(Level.WARNING, "Could not stop an answer that took too long", e);
    }
    return ApiError.of(
        Response.Status.GATEWAY_TIMEOUT,
        "answer_timeout",
        "The answer took longer than "
            + timeoutSeconds
            + " s and was stopped; what was written so far is saved with the conversation."
            + " Follow long answers with POST /api/conversations/stream.");
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
        body.getString("flow", null),
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
