package org.wenjin.chat.interfaces;

import java.io.Serializable;
import java.util.List;

/**
 * Sampling limits a client asks for; each null: Wenjin's default (1024 tokens, temperature 0.3,
 * top-p 0.9, no stop sequences). Ranges are checked where the request is read.
 */
public record SamplingOptions(Integer maxTokens, Double temperature, Double topP, List<String> stop)
    implements Serializable {

  public SamplingOptions {
    stop = stop == null ? List.of() : List.copyOf(stop);
  }
}
