package org.wenjin.persistence.chat;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.wenjin.persistence.tenancy.TenantOwnedEntity;

/** One question and its answer, at a position in its conversation. */
@Entity
@Table(name = "chat_turn")
public class ChatTurn extends TenantOwnedEntity {

  public static final int MAX_QUESTION = 8000;
  public static final int MAX_ANSWER = 65535;
  public static final int MAX_FEEDBACK = 2000;
  public static final int MAX_ERROR = 1000;
  public static final int MAX_ERROR_KEY = 120;
  public static final int MAX_ERROR_ARGS = 4000;

  @Column(name = "conversation_id", nullable = false, updatable = false)
  private Long conversationId;

  @Column(nullable = false)
  private int position;

  @Column(nullable = false, length = MAX_QUESTION)
  private String question;

  @Column(nullable = false, length = MAX_ANSWER)
  private String answer = "";

  /** JSON array of the passages the answer may cite (see V5__chat_citations.sql), or null. */
  @Column(length = 8000)
  private String citations;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private TurnStatus status = TurnStatus.STREAMING;

  /** Why the answer failed or was cut off, in English (the API, the audit trail). */
  @Column(length = MAX_ERROR)
  private String error;

  /** The same reason as a message key, said in the reader's language; null: English only. */
  @Column(name = "error_key", length = MAX_ERROR_KEY)
  private String errorKey;

  /** The arguments of {@link #errorKey} as a JSON array. */
  @Column(name = "error_args", length = MAX_ERROR_ARGS)
  private String errorArgs;

  @Column(name = "model_id", length = 64)
  private String modelId;

  private Short rating;

  @Column(length = MAX_FEEDBACK)
  private String feedback;

  @Column(name = "asked_at", nullable = false)
  private Instant askedAt;

  @Column(name = "answered_at")
  private Instant answeredAt;

  /** The flow that answers this turn; null: the standard grounded answer. */
  @Column(name = "flow_id", length = 64)
  private String flowId;

  /** The revision of a company's own flow that answered (see V14); null: a built-in one. */
  @Column(name = "flow_revision")
  private Integer flowRevision;

  /** JSON array of what each step of the flow did (see V13__turn_flows.sql), or null. */
  @Column(name = "flow_trace", length = MAX_TRACE)
  private String flowTrace;

  /** The node writing the answer (see V15__cluster.sql); kept after it ends. */
  @Column(length = 64)
  private String node;

  /** When a stop reached another node than the one writing the answer, or null. */
  @Column(name = "stop_requested_at")
  private Instant stopRequestedAt;

  @Version private long version;

  protected ChatTurn() {}

  public ChatTurn(
      Long conversationId, int position, String question, String modelId, Instant askedAt) {
    this.conversationId = conversationId;
    this.position = position;
    this.question = question;
    this.modelId = modelId;
    this.askedAt = askedAt;
  }

  /** Starts answering again (regenerate, or the question was edited). */
  public void restart(String newQuestion, String newModelId, Instant now) {
    this.question = newQuestion;
    this.modelId = newModelId;
    this.answer = "";
    this.citations = null;
    this.status = TurnStatus.STREAMING;
    this.error = null;
    this.errorKey = null;
    this.errorArgs = null;
    this.rating = null;
    this.feedback = null;
    this.askedAt = now;
    this.answeredAt = null;
    this.stopRequestedAt = null;
  }

  /** The node that writes the answer now: the one that stops it, or marks it cut off. */
  public void writtenOn(String nodeName) {
    this.node = nodeName;
  }

  public String getNode() {
    return node;
  }

  /** When someone asked, through another node, for this answer to stop; null if nobody did. */
  public Instant getStopRequestedAt() {
    return stopRequestedAt;
  }

  public void finish(TurnStatus outcome, String text, Instant now) {
    finish(outcome, text, null, null, null, now);
  }

  /**
   * Ends the answer; {@code error} is its reason in English, {@code errorKey} and {@code errorArgs}
   * the same reason to be said in any language (too long to store: English only).
   */
  public void finish(
      TurnStatus outcome,
      String text,
      String error,
      String errorKey,
      String errorArgs,
      Instant now) {
    this.status = outcome;
    this.answer = text.length() <= MAX_ANSWER ? text : text.substring(0, MAX_ANSWER);
    this.error =
        error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR);
    boolean fits =
        error != null
            && errorKey != null
            && errorKey.length() <= MAX_ERROR_KEY
            && (errorArgs == null || errorArgs.length() <= MAX_ERROR_ARGS);
    this.errorKey = fits ? errorKey : null;
    this.errorArgs = fits ? errorArgs : null;
    this.answeredAt = now;
  }

  public void rate(int value, String comment) {
    this.rating = (short) Integer.signum(value);
    this.feedback = comment;
  }

  public Long getConversationId() {
    return conversationId;
  }

  public int getPosition() {
    return position;
  }

  public String getQuestion() {
    return question;
  }

  /** The longest flow trace kept (the answer itself is kept whole). */
  public static final int MAX_TRACE = 1_000_000;

  public String getFlowId() {
    return flowId;
  }

  public void answerBy(String flowId) {
    answerBy(flowId, null);
  }

  public void answerBy(String flowId, Integer revision) {
    this.flowId = flowId;
    this.flowRevision = revision;
  }

  public Integer getFlowRevision() {
    return flowRevision;
  }

  public String getFlowTrace() {
    return flowTrace;
  }

  /** A trace too long for the column (the runner bounds each entry) is not kept at all. */
  public void recordFlow(String traceJson) {
    this.flowTrace = traceJson == null || traceJson.length() <= MAX_TRACE ? traceJson : "[]";
  }

  public void cite(String citationsJson) {
    this.citations = citationsJson;
  }

  public String getCitations() {
    return citations;
  }

  public String getAnswer() {
    return answer;
  }

  public TurnStatus getStatus() {
    return status;
  }

  public String getError() {
    return error;
  }

  public String getErrorKey() {
    return errorKey;
  }

  public String getErrorArgs() {
    return errorArgs;
  }

  public String getModelId() {
    return modelId;
  }

  public Short getRating() {
    return rating;
  }

  public String getFeedback() {
    return feedback;
  }

  public Instant getAskedAt() {
    return askedAt;
  }

  public Instant getAnsweredAt() {
    return answeredAt;
  }
}
