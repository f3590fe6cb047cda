package org.wenjin.chat.interfaces;

import java.io.Serializable;

/**
 * A flow the caller may answer with: its id ({@code flow:<id>} for API clients), name, what it
 * does, and at most how many model calls one question costs through it.
 *
 * @param asShipped a built-in flow the company has not edited: the UI says its name and what it
 *     does in the reader's language
 */
public record FlowDto(String id, String name, String description, int modelCalls, boolean asShipped)
    implements Serializable {}
