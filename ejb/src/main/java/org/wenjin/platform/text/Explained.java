package org.wenjin.platform.text;

/**
 * Something (usually an exception) that can say what happened in the reader's language; its {@code
 * getMessage()} stays the English text for logs and the REST API.
 */
public interface Explained {

  RuleMessage explanation();
}
