package org.wenjin.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.regex.Pattern;

/**
 * {@code /api/**} takes bearer tokens only, never the browser's session cookie: without it a page
 * on another site could make a signed-in browser post to the API (CSRF), since one OIDC deployment
 * serves the UI by session and the API by token, and elytron-oidc-client falls back to the session
 * when a request carries no bearer token. The Vaadin UI itself never calls {@code /api} (uploads
 * and downloads go through Vaadin's own handlers), so nothing of the UI is lost.
 *
 * <p>A filter runs after the OIDC mechanism, so it looks at how the request was authenticated: the
 * mechanism tries the {@code Authorization: Bearer} header first and, when there is one, either
 * accepts its token or answers 401 itself; it reaches the session only without such a header. The
 * pattern here is stricter than the mechanism's ({@code ^Bearer *([^ ]+) *$}, case-insensitive), so
 * whatever passes was authenticated by its token. Readiness ({@code /api/health/*}) stays open. The
 * filter supports async requests: answers stream as server-sent events, asynchronously.
 */
@WebFilter(urlPatterns = "/api/*", asyncSupported = true)
public class BearerOnlyFilter extends HttpFilter {

  static final Pattern BEARER = Pattern.compile("^Bearer +[^ ]+ *$", Pattern.CASE_INSENSITIVE);

  private static final byte[] REFUSAL =
      ("{\"status\":401,\"error\":\"unauthorized\",\"message\":\"The API takes bearer tokens only:"
              + " send Authorization: Bearer <Keycloak access token>; a browser session is not"
              + " accepted.\"}")
          .getBytes(StandardCharsets.UTF_8);

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (isOpen(request) || hasBearerToken(request)) {
      chain.doFilter(request, response);
      return;
    }
    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    response.setHeader("WWW-Authenticate", "Bearer realm=\"wenjin\"");
    response.setHeader("Cache-Control", "no-store");
    response.setContentType("application/json");
    response.setContentLength(REFUSAL.length);
    response.getOutputStream().write(REFUSAL);
  }

  /** Readiness answers anyone (load balancers, ./run.sh) and reveals states, never data. */
  static boolean isOpen(HttpServletRequest request) {
    // the decoded, normalised path the container matched (never the raw URI: /api/health/../me)
    String path =
        request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    return path.startsWith("/api/health/");
  }

  static boolean hasBearerToken(HttpServletRequest request) {
    return Collections.list(request.getHeaders("Authorization")).stream()
        .anyMatch(value -> BEARER.matcher(value).matches());
  }
}
