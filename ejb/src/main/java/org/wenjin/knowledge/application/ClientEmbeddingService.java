package org.wenjin.knowledge.application;

import java.util.List;

/**
 * Embeddings for API clients ({@code /v1/embeddings}) under the rules an answer follows: the
 * company's daily token quotas, and an audit event naming who embedded how much with which model.
 */
public interface ClientEmbeddingService {

  /** The embedding models a client may name. */
  List<String> models();

  /**
   * One vector per input, in order, and the tokens counted for them.
   *
   * @throws org.wenjin.chat.domain.QuotaExceeded when the day's tokens are used up
   */
  Embedded embed(String model, List<String> inputs);

  /** What a request produced: its vectors, and its size by Wenjin's one token estimate. */
  record Embedded(List<float[]> vectors, int tokens) {}
}
