package org.wenjin.api.openai;

import static org.wenjin.platform.Jsonp.JSON;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.wenjin.security.Roles;
import org.wenjin.tenancy.domain.IdentityProviderException;
import org.wenjin.tenancy.interfaces.ApiKeyPrincipal;
import org.wenjin.tenancy.interfaces.ApiKeySignIn;
import org.wildfly.security.auth.server.SecurityDomain;
import org.wildfly.security.auth.server.SecurityIdentity;
import org.wildfly.security.authz.RoleMapper;

/**
 * Who calls {@code /v1/**}: the owner of a personal API key ({@code Authorization: Bearer wj-…}),
 * or a user with a Keycloak access token, as on {@code /api}. Nothing else: no session cookie (no
 * CSRF), no token in the query string.
 *
 * <p>{@code /v1} is left unconstrained in web.xml so that the OIDC mechanism verifies a Keycloak
 * token when there is one but does not answer 401 for a key, which it cannot read. A key is checked
 * by {@link ApiKeySignIn}; the request then runs as an identity of the deployment's own security
 * domain with the realm role {@code user} alone, so every facade checks it like any other caller
 * ({@code @RolesAllowed}, then the tenant scope, which resolves the key's owner and company).
 */
@WebFilter(urlPatterns = "/v1/*", asyncSupported = true)
public class OpenAiSignInFilter extends HttpFilter {

  private static final Pattern BEARER =
      Pattern.compile("^Bearer +([^ ]+) *$", Pattern.CASE_INSENSITIVE);

  static final String KEY_PREFIX = "wj-";

  private static final Logger LOG = Logger.getLogger(OpenAiSignInFilter.class.getName());

  @EJB private ApiKeySignIn signIn;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    Optional<String> bearer = bearer(request);
    if (bearer.isEmpty()) {
      refuse(
          response,
          401,
          "missing_api_key",
          "Send Authorization: Bearer <API key> (create one on the API keys page) or a Keycloak"
              + " access token; a browser session is not accepted.");
      return;
    }
    if (!bearer.get().startsWith(KEY_PREFIX)) {
      if (request.getUserPrincipal() == null) { // the OIDC mechanism did not accept the token
        refuse(response, 401, "invalid_token", "The access token is invalid or expired.");
      } else {
        chain.doFilter(request, response);
      }
      return;
    }
    Optional<ApiKeyPrincipal> owner;
    try {
      owner = signIn.authenticate(bearer.get());
    } catch (IdentityProviderException e) {
      refuse(response, 503, "identity_provider", e.getMessage());
      return;
    } catch (EJBException e) { // the database, say: the key could not be checked
      if (e.getCause() instanceof IdentityProviderException idp) {
        refuse(response, 503, "identity_provider", idp.getMessage());
      } else {
        LOG.log(Level.WARNING, "an API key could not be checked", e);
        refuse(response, 503, "unavailable", "The API key could not be checked; try again soon.");
      }
      return;
    }
    if (owner.isEmpty()) {
      refuse(
          response,
          401,
          "invalid_api_key",
          "The API key is not valid: mistyped, revoked, or its company or owner was disabled.");
      return;
    }
    runAs(owner.get(), request, response, chain);
  }

  private static void runAs(
      ApiKeyPrincipal owner,
      HttpServletRequest request,
      HttpServletResponse response,
      FilterChain chain)
      throws IOException, ServletException {
    SecurityIdentity identity =
        SecurityDomain.getCurrent()
            .createAdHocIdentity(owner)
            .withDefaultRoleMapper(
                RoleMapper.constant(org.wildfly.security.authz.Roles.fromSet(Set.of(Roles.USER))));
    HttpServletRequest signedIn = new SignedIn(request, owner);
    try {
      identity.runAs(
          (PrivilegedExceptionAction<Void>)
              () -> {
                chain.doFilter(signedIn, response);
                return null;
              });
    } catch (PrivilegedActionException e) {
      switch (e.getCause()) {
        case IOException io -> throw io;
        case ServletException servlet -> throw servlet;
        case RuntimeException runtime -> throw runtime;
        default -> throw new ServletException(e.getCause());
      }
    }
  }

  /** The one bearer credential of the request, if it sent exactly one. */
  static Optional<String> bearer(HttpServletRequest request) {
    List<String> values = Collections.list(request.getHeaders("Authorization"));
    if (values.size() != 1) {
      return Optional.empty();
    }
    Matcher m = BEARER.matcher(values.get(0));
    return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** An OpenAI-shaped error, as every {@code /v1} error is ({@link OpenAiErrors}). */
  private static void refuse(HttpServletResponse response, int status, String code, String message)
      throws IOException {
    byte[] body =
        JSON.createObjectBuilder()
            .add("error", OpenAiErrors.error(status, code, message))
            .build()
            .toString()
            .getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    if (status == 401) {
      response.setHeader("WWW-Authenticate", "Bearer realm=\"wenjin\"");
    }
    response.setHeader("Cache-Control", "no-store");
    response.setContentType("application/json");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  /** What JAX-RS and the rate limiter see of a request signed in by its key. */
  private static final class SignedIn extends HttpServletRequestWrapper {

    private final Principal owner;

    SignedIn(HttpServletRequest request, Principal owner) {
      super(request);
      this.owner = owner;
    }

    @Override
    public Principal getUserPrincipal() {
      return owner;
    }

    @Override
    public String getRemoteUser() {
      return owner.getName();
    }

    @Override
    public boolean isUserInRole(String role) {
      return Roles.USER.equals(role);
    }

    @Override
    public String getAuthType() {
      return "API-KEY";
    }
  }
}
