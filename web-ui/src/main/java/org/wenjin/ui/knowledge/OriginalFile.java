package org.wenjin.ui.knowledge;

import com.vaadin.flow.server.VaadinResponse;
import java.util.Set;

/**
 * How a document's original file goes back to the browser. It is whatever was uploaded, so it is
 * never rendered from the app's origin as a page (an HTML, SVG or XML file would run its scripts
 * there): a PDF opens in the browser's PDF viewer, anything else downloads; the type is the stored
 * one only where that type cannot carry script, the browser may not guess another ({@code
 * nosniff}), and a sandbox policy gives whatever does open an origin of its own.
 */
final class OriginalFile {

  static final String PDF = "application/pdf";

  /** Stored types sent as they are: none of them is rendered as a page by a browser. */
  private static final Set<String> PASSIVE =
      Set.of(
          PDF,
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
          "text/plain",
          "text/markdown",
          "text/x-web-markdown");

  static final String CONTENT_SECURITY_POLICY = "sandbox";

  private OriginalFile() {}

  /** Whether the file opens in the browser (a PDF, at a page) rather than downloading. */
  static boolean opensInBrowser(String mediaType) {
    return PDF.equals(mediaType);
  }

  static String contentType(String mediaType) {
    return mediaType != null && PASSIVE.contains(mediaType)
        ? mediaType
        : "application/octet-stream";
  }

  /** Replaces the page policy the response got on its way in (SecurityHeadersFilter). */
  static void secure(VaadinResponse response) {
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
  }
}
