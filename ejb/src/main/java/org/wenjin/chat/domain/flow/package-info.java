/**
 * Flows: a company's named, versioned lists of steps (retrieve, generate, for each, answer) that
 * answer a question in more than one model call, wenda's "auto scripts" as data rather than code. A
 * flow is validated before it is saved or run ({@link org.wenjin.chat.domain.flow.FlowChecks}), and
 * its prompts are Mustache templates that can read the values a step is given and nothing else
 * ({@link org.wenjin.chat.domain.flow.PromptTemplate}).
 */
package org.wenjin.chat.domain.flow;
