package org.wenjin.knowledge.interfaces;

import java.io.Serializable;

/** A document's original file, as uploaded. */
public record DocumentFileDto(String fileName, String mediaType, byte[] bytes)
    implements Serializable {

  public boolean isPdf() {
    return "application/pdf".equals(mediaType);
  }
}
