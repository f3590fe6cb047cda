package org.wenjin.tenancy.interfaces;

import java.io.Serializable;

/** A key just created: the only time its secret leaves the server. */
public record CreatedApiKeyDto(ApiKeyDto key, String secret) implements Serializable {}
