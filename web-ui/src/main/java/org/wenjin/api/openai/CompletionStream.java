package org.wenjin.api.openai;

import static org.wenjin.platform.Jsonp.JSON;

import jakarta.json.JsonObject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.concurrent.atomic.AtomicBoolean;
import org.wenjin.chat.interfaces.AnswerListener;
import org.wenjin.chat.interfaces.AnswerUsage;
import org.wenjin.chat.interfaces.TurnDto;
import org.wenjin.platform.text.RuleMessage;

/**
 * An answer as OpenAI's stream: {@code data: <chat.completion.chunk>} per piece, the closing chunk
 * with {@code finish_reason}, the usage chunk when asked for, then {@code data: [DONE]}. A failed
 * answer ends with {@code data: {"error": …}}, which OpenAI's clients raise as an error. While the
 * answer waits for a model slot, SSE comments ({@code : queued 2}) keep proxies from timing out.
 *
 * <p>A client that hangs up stops the answer (unlike Wenjin's own stream, whose browser tab may
 * come back): the first write that fails runs {@code hangUp}, which stops it and frees the slot.
 * Callbacks are synchronized: the first chunk needs the turn's id, which {@link #begin} sets while
 * it holds the lock, so pieces that come early wait for it.
 */
final class CompletionStream implements AnswerListener {

  private final Sse sse;
  private final SseEventSink sink;
  private final boolean includeUsage;
  private final AtomicBoolean hungUp = new AtomicBoolean();
  private Runnable hangUp = () -> {};
  private CompletionJson.Head head;

  CompletionStream(Sse sse, SseEventSink sink, boolean includeUsage) {
    this.sse = sse;
    this.sink = sink;
    this.includeUsage = includeUsage;
  }

  /** The answer was taken: send the opening chunk; {@code hangUp} stops it if the client leaves. */
  synchronized void begin(TurnDto asked, Runnable hangUp) {
    this.head = CompletionJson.Head.of(asked);
    this.hangUp = hangUp;
    if (hungUp.get()) { // a "queued" comment failed before the answer was taken
      hangUp.run();
      return;
    }
    send(CompletionJson.opening(head));
  }

  @Override
  public synchronized void queued(int position) {
    if (!sink.isClosed()) {
      write(sse.newEventBuilder().comment("queued " + position).build());
    }
  }

  /**
   * A flow's step: an SSE comment, which clients ignore, so that a client who left is noticed
   * before the flow's next model call, and proxies see the stream is alive.
   */
  @Override
  public synchronized void step(int number, int total, RuleMessage label) {
    if (!sink.isClosed()) {
      write(
          sse.newEventBuilder()
              .comment("step " + number + " of " + total + ": " + label.english())
              .build());
    } else {
      leave();
    }
  }

  @Override
  public synchronized void text(String piece) {
    send(CompletionJson.piece(head, piece));
  }

  @Override
  public void finished(TurnDto turn) {
    finished(turn, new AnswerUsage(0, 0, false));
  }

  @Override
  public synchronized void finished(TurnDto turn, AnswerUsage usage) {
    if ("FAILED".equals(turn.status())) {
      send(
          JSON.createObjectBuilder()
              .add("error", OpenAiErrors.error(502, "model_error", failure(turn)))
              .build());
    } else {
      send(CompletionJson.closing(head, turn, usage));
      if (includeUsage) {
        send(CompletionJson.usageChunk(head, usage));
      }
      data("[DONE]");
    }
    sink.close();
  }

  static String failure(TurnDto turn) {
    return turn.error() == null || turn.error().isBlank()
        ? "The model could not answer."
        : "The model could not answer: " + turn.error();
  }

  private void send(JsonObject chunk) {
    data(chunk.toString());
  }

  private void data(String data) {
    if (sink.isClosed()) {
      leave();
      return;
    }
    write(sse.newEventBuilder().mediaType(MediaType.TEXT_PLAIN_TYPE).data(data).build());
  }

  private void write(OutboundSseEvent event) {
    sink.send(event)
        .whenComplete(
            (sent, failed) -> {
              if (failed != null) {
                leave();
              }
            });
  }

  private void leave() {
    if (hungUp.compareAndSet(false, true)) {
      hangUp.run();
    }
  }
}
