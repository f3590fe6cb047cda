/**
 * The "no LLM configured" backend: answers by quoting the passages retrieved for the question, with
 * their citation markers, and says plainly when there is nothing to quote. Useful on a fresh
 * install without weights, and never invents anything.
 */
package org.wenjin.engine.extractive;
