/**
 * The app in the user's language (中文 or English): the translation provider over the {@code
 * messages} bundles, the language choice and its memory, and formats of dates and numbers per
 * locale. Views never hold user-visible text themselves; they name a key of the bundles.
 */
package org.wenjin.ui.i18n;
