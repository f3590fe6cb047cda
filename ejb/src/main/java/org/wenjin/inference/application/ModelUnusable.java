package org.wenjin.inference.application;

import org.wenjin.engine.spi.ChatModelException;
import org.wenjin.platform.text.Explained;
import org.wenjin.platform.text.RuleMessage;

/**
 * The pool's own reasons a model cannot take a question (not registered, misconfigured, cannot be
 * loaded), said in the asker's language; an engine's reasons stay its words ({@link #reason}).
 */
public final class ModelUnusable extends ChatModelException implements Explained {

  private final RuleMessage explanation;

  ModelUnusable(Kind kind, RuleMessage explanation, Throwable cause) {
    super(kind, explanation.english(), cause);
    this.explanation = explanation;
  }

  @Override
  public RuleMessage explanation() {
    return explanation;
  }

  /**
   * Why {@code modelLabel} failed, for the person who asked: the pool's explanation, or the
   * engine's own words inside a sentence of the asker's language.
   */
  public static RuleMessage reason(String modelLabel, ChatModelException e) {
    if (e instanceof Explained explained) {
      return explained.explanation();
    }
    RuleMessage detail = RuleMessage.verbatim(String.valueOf(e.getMessage()));
    return switch (e.kind()) {
      case UNAVAILABLE -> RuleMessage.of("inference.model.unavailable", modelLabel, detail);
      case REJECTED -> RuleMessage.of("inference.model.rejected", modelLabel, detail);
      case FAILED -> RuleMessage.of("inference.model.failed", modelLabel, detail);
    };
  }
}
