package org.wenjin.ui.security;

import java.net.URI;
import java.util.Optional;

/**
 * The Content-Security-Policy values the app sends. Pages get what Vaadin Flow 24 needs and no
 * more; the API's answers, which a browser never has to render, get a policy that allows nothing.
 */
final class ContentSecurityPolicy {

  /**
   * JSON, server-sent events, metrics: opened in a tab by mistake, they can load or run nothing.
   */
  static final String API = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

  private ContentSecurityPolicy() {}

  /**
   * The policy of the app's pages.
   *
   * @param providerUrl the Keycloak realm URL ({@code wenjin.oidc.provider-url}); forms may go
   *     there (sign-in and sign-out pass through it). Null or unusable: forms stay on the app.
   */
  static String pages(String providerUrl) {
    return String.join(
        "; ",
        "default-src 'self'",
        // Flow's bootstrap page starts its client engine with an inline script, and the engine runs
        // executeJs() and event expressions by constructing functions (Vaadin's CSP documentation)
        "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
        // Lit components and Flow set style attributes and inline style sheets
        "style-src 'self' 'unsafe-inline'",
        // Lumo's icon font is a data: URL
        "font-src 'self' data:",
        // no image from elsewhere: one in an answer would tell a foreign server who read what, when
        "img-src 'self'",
        // UIDL requests and the push WebSocket ('self' covers ws: since Chrome 71 and Safari 16)
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "frame-ancestors 'none'",
        "form-action 'self'" + origin(providerUrl).map(o -> " " + o).orElse(""));
  }

  /** The scheme, host and port of an http(s) URL: what a CSP source may name. */
  static Optional<String> origin(String url) {
    if (url == null || url.isBlank()) {
      return Optional.empty();
    }
    try {
      URI uri = URI.create(url.strip());
      String scheme = uri.getScheme();
      if (uri.getHost() == null
          || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
        return Optional.empty();
      }
      String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
      return Optional.of(scheme.toLowerCase(java.util.Locale.ROOT) + "://" + uri.getHost() + port);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
