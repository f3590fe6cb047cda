/** What a browser session remembers about its signed-in user, so views do not ask again. */
package org.wenjin.ui.session;
