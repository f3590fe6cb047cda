package org.wenjin.inference.application;

import java.util.List;

/**
 * The installation's embedding models, shared by ingestion and search: one for Chinese (the
 * default, and English too when no English model is configured) and one for English (every text
 * without Han characters, as the knowledge base tells them apart), each loaded on first use (about
 * a second), so a server whose knowledge base is never used never pays for them. Texts and
 * questions in one language must be embedded by that language's model to be comparable; each
 * model's vectors have their own length (bge-small-zh 512, bge-small-en 384).
 *
 * <p>Failures surface as {@link org.wenjin.engine.spi.ChatModelException}.
 */
public interface EmbeddingService {

  /** Chinese; also every language without a model of its own. */
  String CHINESE = "zh";

  String ENGLISH = "en";

  /** The id of the model for {@code language}, stored with each vector. */
  String modelId(String language);

  List<float[]> embedPassages(String language, List<String> texts);

  float[] embedQuery(String language, String text);
}
