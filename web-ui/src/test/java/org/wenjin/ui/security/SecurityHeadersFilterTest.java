package org.wenjin.ui.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecurityHeadersFilterTest {

  private final Map<String, String> headers = new HashMap<>();
  private boolean passedOn;

  @Test
  void pagesGetThePagePolicyAndTheRequestGoesOn() throws Exception {
    filter("/chat/12");

    assertThat(headers)
        .containsEntry(
            "Content-Security-Policy",
            ContentSecurityPolicy.pages("http://127.0.0.1:18180/realms/wenjin"))
        .containsEntry("X-Content-Type-Options", "nosniff")
        .containsEntry("Referrer-Policy", "same-origin");
    assertThat(passedOn).isTrue();
  }

  @Test
  void apiAnswersGetThePolicyThatAllowsNothing() throws Exception {
    filter("/api/documents/3");

    assertThat(headers)
        .containsEntry("Content-Security-Policy", ContentSecurityPolicy.API)
        .containsEntry("X-Content-Type-Options", "nosniff");
    assertThat(passedOn).isTrue();
  }

  @Test
  void aPageWhosePathOnlyStartsLikeTheApiIsAPage() throws Exception {
    filter("/apidocs");

    assertThat(headers.get("Content-Security-Policy")).startsWith("default-src 'self'");
  }

  private void filter(String path) throws Exception {
    SecurityHeadersFilter filter = new SecurityHeadersFilter();
    filter.providerUrl = Optional.of("http://127.0.0.1:18180/realms/wenjin");
    filter.init();
    HttpServletRequest request =
        fake(HttpServletRequest.class, Map.of("getRequestURI", path, "getContextPath", ""));
    HttpServletResponse response =
        (HttpServletResponse)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {HttpServletResponse.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("setHeader")) {
                    headers.put((String) args[0], (String) args[1]);
                  }
                  return null;
                });
    FilterChain chain = (req, res) -> passedOn = true;

    filter.doFilter(request, response, chain);
  }

  private static <T> T fake(Class<T> type, Map<String, Object> answers) {
    return type.cast(
        Proxy.newProxyInstance(
            SecurityHeadersFilterTest.class.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, args) -> answers.get(method.getName())));
  }
}
