package org.wenjin.chat.interfaces;

import java.io.Serializable;

/**
 * A flow the caller may answer with: its id ({@code flow:<id>} for API clients), name, what it
 * does, and at most how many model calls one question costs through it.
 */
public record FlowDto(String id, String name, String description, int modelCalls)
    implements Serializable {}
