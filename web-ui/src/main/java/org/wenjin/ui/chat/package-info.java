/**
 * The chat page and its parts (sidebar, turn cards, document sources), and the bridge that brings
 * answers streamed on pool threads into the UI with server push.
 */
package org.wenjin.ui.chat;
