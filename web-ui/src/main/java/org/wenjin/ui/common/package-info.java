/**
 * Pieces several views share: running a server call with a message for the user instead of a trace,
 * a one-value prompt, a "coming next" placeholder, and {@link org.wenjin.ui.common.InertMarkdown},
 * which makes Markdown from documents, models and users safe to hand to the browser.
 */
package org.wenjin.ui.common;
