package org.wenjin.chat.domain.flow;

import java.util.List;

/**
 * One step of a flow. Each has an id that later steps name to read its output: a retrieve step's
 * {@code passages} (list) and {@code block} (the passages as a delimited data block), a generate
 * step's {@code text} and {@code lines}, a for-each step's {@code items} and {@code text}.
 */
public sealed interface FlowStep {

  String id();

  /** How many model calls the step makes at most. */
  int modelCalls();

  /** Finds passages of the caller's visible documents. */
  record Retrieve(String id, PromptTemplate query, Integer k, List<String> collections)
      implements FlowStep {

    public Retrieve {
      collections = List.copyOf(collections);
    }

    @Override
    public int modelCalls() {
      return 0;
    }
  }

  /**
   * What a model is asked in one call. {@code model} null: the conversation's; {@code system} null:
   * the company's system prompt; {@code maxTokens} and {@code temperature} null: defaults.
   */
  record Prompt(
      PromptTemplate prompt,
      PromptTemplate system,
      String model,
      Integer maxTokens,
      Double temperature) {}

  /** One model call; its output is {@code <id>.text}. */
  record Generate(String id, Prompt call) implements FlowStep {
    @Override
    public int modelCalls() {
      return 1;
    }
  }

  /**
   * One model call per passage of a retrieve step ({@code over = "<id>.passages"}) or per line of a
   * generate step's output ({@code "<id>.lines"}), at most {@code max}; the prompt reads the
   * current one as {@code item} (and {@code index}, from 1).
   */
  record ForEach(String id, String over, int max, Prompt call) implements FlowStep {
    @Override
    public int modelCalls() {
      return max;
    }

    /** The step whose output is iterated. */
    public String source() {
      return over.substring(0, over.indexOf('.'));
    }

    public boolean overPassages() {
      return over.endsWith(".passages");
    }
  }

  /**
   * The last step: the answer the user sees, streamed; {@code cite} names the retrieve step whose
   * passages it may cite as [n] (null: none).
   */
  record Answer(String id, Prompt call, String cite) implements FlowStep {
    @Override
    public int modelCalls() {
      return 1;
    }
  }
}
