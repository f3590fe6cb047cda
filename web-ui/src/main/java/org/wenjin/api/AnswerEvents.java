package org.wenjin.api;

import static org.wenjin.platform.Jsonp.JSON;

import jakarta.json.JsonObject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.wenjin.chat.interfaces.AnswerListener;
import org.wenjin.chat.interfaces.TurnDto;

/**
 * An answer's progress as server-sent events to one client, in order: {@code turn} (its ids),
 * {@code queued} (position while waiting for a slot), {@code text} (each piece), {@code done} (the
 * saved turn: complete, stopped or failed), after which the stream ends.
 */
final class AnswerEvents implements AnswerListener {

  private final Sse sse;
  private final SseEventSink sink;

  AnswerEvents(Sse sse, SseEventSink sink) {
    this.sse = sse;
    this.sink = sink;
  }

  synchronized void send(String name, JsonObject data) {
    if (!sink.isClosed()) {
      sink.send(
          sse.newEventBuilder()
              .name(name)
              .mediaType(MediaType.APPLICATION_JSON_TYPE)
              .data(data.toString())
              .build());
    }
  }

  @Override
  public void queued(int position) {
    send("queued", JSON.createObjectBuilder().add("position", position).build());
  }

  @Override
  public void text(String piece) {
    send("text", JSON.createObjectBuilder().add("text", piece).build());
  }

  @Override
  public synchronized void finished(TurnDto turn) {
    send("done", JsonViews.turn(turn));
    sink.close();
  }
}
