/**
 * Messages the services give people — a rule broken, a quota used up, why a document could not be
 * indexed — as a key and its arguments rather than finished English, so each reader gets them in
 * their own language (中文 or English): the UI calls {@link org.wenjin.platform.text.RuleMessage#in}
 * with the user's locale, while logs, audit notes and the REST API's JSON keep the English text. An
 * exception that carries one implements {@link org.wenjin.platform.text.Explained}.
 *
 * <p>The texts live in {@code rules.properties} (English) and {@code rules_zh_CN.properties}
 * (Simplified Chinese) beside this package; {@code RuleMessagesTest} keeps the two and the keys the
 * sources use in step.
 */
package org.wenjin.platform.text;
