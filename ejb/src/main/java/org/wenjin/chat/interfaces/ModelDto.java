package org.wenjin.chat.interfaces;

import java.io.Serializable;
import org.wenjin.inference.application.RegisteredModel;

/** A model the caller's company offers. */
public record ModelDto(String id, String label, boolean preselected) implements Serializable {

  static ModelDto of(RegisteredModel model, String preselectedId) {
    return new ModelDto(model.id(), model.label(), model.id().equals(preselectedId));
  }
}
