/**
 * Pieces several views share: running a server call with a message for the user instead of a trace,
 * a one-value prompt, a "coming next" placeholder.
 */
package org.wenjin.ui.common;
