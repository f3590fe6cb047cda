package org.wenjin.api.openai;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ContextService;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.wenjin.api.ApiError;
import org.wenjin.api.InvalidRequestException;
import org.wenjin.api.limits.ApiLimits;
import org.wenjin.chat.interfaces.AnswerFacade;
import org.wenjin.chat.interfaces.AnswerListener;
import org.wenjin.chat.interfaces.AnswerUsage;
import org.wenjin.chat.interfaces.FlowDto;
import org.wenjin.chat.interfaces.ModelDto;
import org.wenjin.chat.interfaces.TurnDto;

/**
 * {@code POST /v1/chat/completions}: OpenAI's chat completion over Wenjin's one answer use case, so
 * an answer asked here is grounded on the company's documents, counted by its quotas, audited and
 * kept in the user's history like one asked in the chat view. {@link StreamSelection} routes a
 * {@code "stream": true} body to {@link #stream}, any other to {@link #complete}.
 */
@Path("chat/completions")
@RequestScoped
public class ChatCompletionsResource {

  private static final Logger LOG = Logger.getLogger(ChatCompletionsResource.class.getName());

  static final String CONVERSATION_HEADER = "X-Wenjin-Conversation";

  @EJB private AnswerFacade answers;

  @Inject private ApiLimits limits;

  /** Carries the caller's identity to the threads that stop an answer. */
  @Resource private ContextService contexts;

  @Resource private ManagedExecutorService executor;

  @Context private HttpServletRequest servletRequest;

  /**
   * The whole answer at once. The wait holds no HTTP worker thread; after {@link
   * ApiLimits#askTimeout()} the answer is stopped (what was written is kept) and the client gets a
   * 504. A failed answer is a 502 with the model's reason.
   */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public void complete(
      JsonObject body,
      @HeaderParam(CONVERSATION_HEADER) String conversation,
      @Suspended AsyncResponse response) {
    Waiting waiting = new Waiting();
    TurnDto asked;
    try {
      asked = ask(CompletionRequest.of(body(body), conversation), waiting);
    } catch (RuntimeException e) {
      response.resume(e);
      return;
    }
    Runnable stop = stopper(asked);
    long timeout = limits.askTimeout().toSeconds();
    response.setTimeoutHandler(
        late -> {
          waiting.timedOut(); // the stop below finishes the turn: that is no completion
          late.resume(tookTooLong(stop, timeout));
        });
    // the servlet container's timeout, not AsyncResponse.setTimeout (see ConversationResource)
    servletRequest.getAsyncContext().setTimeout(TimeUnit.SECONDS.toMillis(timeout));
    // last, as in ConversationResource: an answer that ended already resumes only now
    waiting.result().thenAccept(response::resume);
  }

  /** The answer as it is written; the client hanging up stops it. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.SERVER_SENT_EVENTS)
  public void stream(
      JsonObject body,
      @HeaderParam(CONVERSATION_HEADER) String conversation,
      @Context SseEventSink sink,
      @Context Sse sse) {
    CompletionRequest request = CompletionRequest.of(body(body), conversation);
    CompletionStream events = new CompletionStream(sse, sink, request.includeUsage());
    synchronized (events) { // pieces may come before ask() returns; they wait for the opening
      TurnDto asked = ask(request, events);
      Runnable stop = stopper(asked);
      events.begin(asked, () -> executor.execute(stop));
    }
  }

  private TurnDto ask(CompletionRequest request, AnswerListener listener) {
    String model = request.model();
    String flow = request.flow();
    if (model.startsWith(ModelsResource.FLOW)) { // a flow with the company's preselected model
      flow = model.substring(ModelsResource.FLOW.length());
      model = null;
    } else if (answers.models().stream().map(ModelDto::id).noneMatch(model::equals)) {
      throw new ModelNotFound(model); // OpenAI's answer to an unknown model, and Wenjin's
    }
    String flowId = flow;
    if (flowId != null && answers.flows().stream().map(FlowDto::id).noneMatch(flowId::equals)) {
      throw new ModelNotFound(ModelsResource.FLOW + flowId);
    }
    return answers.ask(
        request.conversationId(),
        request.question(),
        model,
        flow,
        request.earlier(),
        request.options(),
        listener);
  }

  /** Stops the answer with the caller's identity, from whichever thread notices it must stop. */
  private Runnable stopper(TurnDto asked) {
    AnswerFacade facade = answers; // runs after this request scope is gone
    return contexts.contextualRunnable(
        () -> {
          try {
            facade.stop(asked.id());
          } catch (RuntimeException e) {
            // e.g. the key's owner left the company meanwhile: the pool's deadline ends it
            LOG.log(Level.WARNING, "answer " + asked.id() + " could not be stopped", e);
          }
        });
  }

  private static JsonObject body(JsonObject body) {
    if (body == null) {
      throw new InvalidRequestException(
          "Send a JSON body such as {\"model\": \"...\", \"messages\": [...]}.");
    }
    return body;
  }

  private static Response tookTooLong(Runnable stop, long timeoutSeconds) {
    stop.run();
    return ApiError.of(
        Response.Status.GATEWAY_TIMEOUT,
        "answer_timeout",
        "The answer took longer than "
            + timeoutSeconds
            + " s and was stopped; what was written so far is kept with the conversation."
            + " Ask with \"stream\": true for long answers.");
  }

  /** The completion (or the model's failure) once the answer is saved, unless it timed out. */
  private static final class Waiting implements AnswerListener {

    private final CompletableFuture<Response> result = new CompletableFuture<>();
    private volatile boolean timedOut;

    CompletableFuture<Response> result() {
      return result;
    }

    void timedOut() {
      timedOut = true;
    }

    @Override
    public void finished(TurnDto turn) {
      finished(turn, new AnswerUsage(0, 0, false));
    }

    @Override
    public void finished(TurnDto turn, AnswerUsage usage) {
      if (timedOut) {
        return; // the client gets the 504
      }
      result.complete(
          "FAILED".equals(turn.status())
              ? ApiError.of(
                  Response.Status.BAD_GATEWAY, "model_error", CompletionStream.failure(turn))
              : Response.ok(CompletionJson.completion(CompletionJson.Head.of(turn), turn, usage))
                  .header(CONVERSATION_HEADER, turn.conversationId())
                  .build());
    }
  }

  /** A model id the company does not offer (or that does not exist: the same answer). */
  static final class ModelNotFound extends WebApplicationException {
    ModelNotFound(String model) {
      super(
          ApiError.of(
              Response.Status.NOT_FOUND,
              "model_not_found",
              "The model '"
                  + model
                  + "' does not exist or your company does not offer it; GET /v1/models lists"
                  + " the ones you can use."));
    }
  }
}
