/**
 * The chat page: {@link org.wenjin.ui.chat.ChatView} and the components it is built of (sidebar,
 * header, turns, composer). Components fire events and show what they are given; only the view
 * calls the facades.
 */
package org.wenjin.ui.chat;
