/**
 * The chat facade the UI and the REST API share, its DTOs, and the listener through which an answer
 * is followed as it streams.
 */
package org.wenjin.chat.interfaces;
