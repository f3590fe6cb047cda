package org.wenjin.chat.interfaces;

import java.io.Serializable;

/** A model the caller's company offers. */
public record ModelDto(String id, String label, boolean preselected) implements Serializable {}
