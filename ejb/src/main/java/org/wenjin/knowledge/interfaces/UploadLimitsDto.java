package org.wenjin.knowledge.interfaces;

import java.io.Serializable;
import java.util.List;

/**
 * What an upload may be, so that the upload form refuses a file before sending it and the API stops
 * reading a body that is too large. The upload itself checks again.
 *
 * @param maxBytes the largest file
 * @param acceptedFileTypes file name extensions (".pdf") and media types ("application/pdf")
 */
public record UploadLimitsDto(long maxBytes, List<String> acceptedFileTypes)
    implements Serializable {

  public UploadLimitsDto {
    acceptedFileTypes = List.copyOf(acceptedFileTypes);
  }

  /** The largest file in whole megabytes, as people are told it. */
  public long maxMegabytes() {
    return maxBytes / (1024 * 1024);
  }
}
