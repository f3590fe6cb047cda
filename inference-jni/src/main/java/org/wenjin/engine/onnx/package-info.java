/**
 * Embedding models exported to ONNX with a HuggingFace {@code tokenizer.json}, run by DJL's ONNX
 * Runtime engine. The default is bge-small-zh-v1.5 (quantized, 512 dimensions), whose files ship
 * inside a Maven jar, so a fresh install embeds Chinese and English without downloading anything.
 */
package org.wenjin.engine.onnx;
