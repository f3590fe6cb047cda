/**
 * Chat context: conversations kept on the server per user and tenant, the history window sent to a
 * model, and answers streamed from the inference pool to whoever is watching (and saved whether or
 * not anyone is).
 */
package org.wenjin.chat;
