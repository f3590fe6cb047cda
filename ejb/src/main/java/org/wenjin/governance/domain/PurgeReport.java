package org.wenjin.governance.domain;

import java.io.Serializable;

/** What one retention purge of a company deleted. */
public record PurgeReport(int conversations, int auditEvents) implements Serializable {}
