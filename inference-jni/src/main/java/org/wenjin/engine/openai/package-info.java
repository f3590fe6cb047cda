/**
 * A client for OpenAI-compatible chat completion servers (vLLM, Ollama, llama.cpp server, DJL
 * Serving, hosted GLM/Qwen/DeepSeek APIs), streaming over server-sent events.
 */
package org.wenjin.engine.openai;
