package org.wenjin.knowledge.interfaces;

import java.io.Serializable;
import java.util.List;

/**
 * Vectors for a client's texts, in order, and their size in tokens (Wenjin's one estimate: {@link
 * org.wenjin.engine.spi.TokenEstimate}).
 */
public record EmbeddingsDto(List<float[]> vectors, int promptTokens) implements Serializable {}
