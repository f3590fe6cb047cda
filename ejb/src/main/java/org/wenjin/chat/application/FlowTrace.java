package org.wenjin.chat.application;

import static org.wenjin.platform.Jsonp.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import org.wenjin.inference.application.GenerationOutcome;

/**
 * What a flow's steps did, in the order they did it, as the JSON kept with the turn: each search's
 * query and how many passages it found, each model call's prompt and output (bounded by {@link
 * FlowValues#kept}), and the answer's prompt. Steps report from pool and executor threads.
 */
final class FlowTrace {

  private final JsonArrayBuilder steps = JSON.createArrayBuilder();

  synchronized void searched(String step, String query, int passages) {
    steps.add(
        JSON.createObjectBuilder()
            .add("step", step)
            .add("type", "retrieve")
            .add("query", query)
            .add("passages", passages));
  }

  synchronized void called(String step, String prompt, String output, GenerationOutcome.Kind end) {
    JsonObjectBuilder entry =
        JSON.createObjectBuilder()
            .add("step", step)
            .add("type", "generate")
            .add("prompt", FlowValues.kept(prompt))
            .add("output", FlowValues.kept(output));
    if (end != GenerationOutcome.Kind.COMPLETE) {
      entry.add("ended", end.name());
    }
    steps.add(entry);
  }

  synchronized void answering(String step, String prompt) {
    steps.add(
        JSON.createObjectBuilder()
            .add("step", step)
            .add("type", "answer")
            .add("prompt", FlowValues.kept(prompt)));
  }

  synchronized String json() {
    return steps.build().toString();
  }
}
