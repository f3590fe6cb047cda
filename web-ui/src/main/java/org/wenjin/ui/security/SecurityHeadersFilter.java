package org.wenjin.ui.security;

import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Puts a Content-Security-Policy, {@code X-Content-Type-Options: nosniff} and {@code
 * Referrer-Policy: same-origin} on every response the web module writes: the second line of defence
 * behind inert answers (an image or a script that got through would still not load). Headers only,
 * set before the response is written; whoever writes it may set a stricter policy (the original
 * files of documents are served sandboxed). Keycloak's redirect to its sign-in page is sent before
 * any filter runs, so it is untouched.
 */
@WebFilter(
    urlPatterns = "/*",
    // suspended asks, server-sent events and Vaadin's push are asynchronous: a filter in their
    // chain that is not would make every one of them fail
    asyncSupported = true,
    dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD, DispatcherType.ERROR})
public class SecurityHeadersFilter extends HttpFilter {

  @Inject
  @ConfigProperty(name = "wenjin.oidc.provider-url")
  Optional<String> providerUrl;

  private String pagePolicy;

  @Override
  public void init() {
    pagePolicy = ContentSecurityPolicy.pages(providerUrl == null ? null : providerUrl.orElse(null));
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    response.setHeader(
        "Content-Security-Policy", isApi(request) ? ContentSecurityPolicy.API : pagePolicy);
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "same-origin");
    chain.doFilter(request, response);
  }

  private static boolean isApi(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.equals("/api") || path.startsWith("/api/");
  }
}
