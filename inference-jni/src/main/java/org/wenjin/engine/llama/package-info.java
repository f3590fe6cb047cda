/**
 * GGUF models (Qwen, GLM, Llama, Mistral... quantised) run in-process by llama.cpp through
 * java-llama.cpp's JNI binding. The operator supplies the GGUF file.
 */
package org.wenjin.engine.llama;
