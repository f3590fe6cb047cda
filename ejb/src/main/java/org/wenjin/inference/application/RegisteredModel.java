package org.wenjin.inference.application;

import org.wenjin.engine.spi.ModelSettings;

/** A model the operator registered: how users see it, how to load it, how much it takes on. */
public record RegisteredModel(String label, ModelSettings settings, LaneLimits limits) {

  public String id() {
    return settings.id();
  }
}
