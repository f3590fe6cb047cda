package org.wenjin.knowledge.domain;

/**
 * Chunk size and overlap in characters. The defaults (450 / 60) fit bge-small-zh's 512-token
 * window: Chinese runs about one token per character, so 450 characters plus a heading stay under
 * it; in English 450 characters are a paragraph (about 100 tokens). The overlap carries the last
 * sentence or two of a chunk into the next, so a statement cut by the boundary is found from both
 * sides. (wenda used 20 characters, far too little context to embed or to quote.)
 */
public record ChunkingRules(int size, int overlap) {

  public static final ChunkingRules DEFAULT = new ChunkingRules(450, 60);

  /**
   * The longest passage: what a model is handed per citation stays a paragraph it can quote, not a
   * page it skims (neighbouring passages are joined up to the same length, {@link NeighbourMerge}).
   */
  public static final int MAX_SIZE = 1200;

  public static final int MIN_SIZE = 100;

  public ChunkingRules {
    if (size < MIN_SIZE || size > MAX_SIZE) {
      throw new IllegalArgumentException(
          "chunk size must be between " + MIN_SIZE + " and " + MAX_SIZE + " characters");
    }
    if (overlap < 0 || overlap > size / 2) {
      throw new IllegalArgumentException("chunk overlap must be between 0 and half the chunk size");
    }
  }
}
