/**
 * Causal language models run by DJL (PyTorch engine): a GPT-style decoder loaded from a folder,
 * generating token by token with a key/value cache, streaming, stoppable.
 */
package org.wenjin.engine.djl;
