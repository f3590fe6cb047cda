package org.wenjin.engine.spi;

/** Receives an answer as it is generated, one piece of text at a time, in order. */
@FunctionalInterface
public interface TokenSink {
  void accept(String text);
}
