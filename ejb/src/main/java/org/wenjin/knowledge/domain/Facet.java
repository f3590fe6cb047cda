package org.wenjin.knowledge.domain;

import java.io.Serializable;

/** One value of a facet (a label, a file type, a collection) and how many passages have it. */
public record Facet(String value, long count) implements Serializable {}
