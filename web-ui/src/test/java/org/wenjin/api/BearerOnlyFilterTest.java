package org.wenjin.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The API refuses what the session cookie alone would authenticate (TokenBoundaryIT: for real). */
class BearerOnlyFilterTest {

  private final Map<String, String> headers = new HashMap<>();
  private final ByteArrayOutputStream body = new ByteArrayOutputStream();
  private int status = 200;
  private boolean passed;

  @Test
  void aBearerTokenGoesThrough() throws Exception {
    filter("/api", "/me", "Bearer eyJ.abc.def");

    assertThat(passed).isTrue();
  }

  @Test
  void theSchemeIsCaseInsensitiveAsInTheOidcMechanism() throws Exception {
    filter("/api", "/me", "bearer eyJ.abc.def");

    assertThat(passed).isTrue();
  }

  @Test
  void onlyTheSessionCookieGets401WithAJsonError() throws Exception {
    filter("/api", "/documents", null);

    assertThat(passed).isFalse();
    assertThat(status).isEqualTo(401);
    assertThat(headers).containsEntry("WWW-Authenticate", "Bearer realm=\"wenjin\"");
    assertThat(body.toString(StandardCharsets.UTF_8)).contains("\"error\":\"unauthorized\"");
  }

  @Test
  void anotherSchemeOrAnEmptyBearerIsRefused() throws Exception {
    filter("/api", "/me", "Basic YWxpY2U6cHc=");
    assertThat(passed).isFalse();

    filter("/api", "/me", "Bearer ");
    assertThat(passed).isFalse();
  }

  @Test
  void readinessStaysOpen() throws Exception {
    filter("/api", "/health/ready", null);

    assertThat(passed).isTrue();
  }

  @Test
  void aPathThatOnlyLooksLikeReadinessIsNotOpen() throws Exception {
    filter("/api", "/healthy", null);

    assertThat(passed).isFalse();
  }

  @Test
  void itLetsTheAnswerStreamsRunAsynchronously() {
    // without it, every server-sent-events answer behind the filter fails to start
    assertThat(BearerOnlyFilter.class.getAnnotation(WebFilter.class).asyncSupported()).isTrue();
  }

  private void filter(String servletPath, String pathInfo, String authorization) throws Exception {
    passed = false;
    HttpServletRequest request =
        proxy(
            HttpServletRequest.class,
            (method, args) ->
                switch (method) {
                  case "getServletPath" -> servletPath;
                  case "getPathInfo" -> pathInfo;
                  case "getHeaders" ->
                      Collections.enumeration(
                          authorization == null ? List.of() : List.of(authorization));
                  default -> null;
                });
    HttpServletResponse response =
        proxy(
            HttpServletResponse.class,
            (method, args) -> {
              switch (method) {
                case "setStatus" -> status = (Integer) args[0];
                case "setHeader" -> headers.put((String) args[0], (String) args[1]);
                case "getOutputStream" -> {
                  return new ServletOutputStream() {
                    @Override
                    public boolean isReady() {
                      return true;
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {}

                    @Override
                    public void write(int b) {
                      body.write(b);
                    }
                  };
                }
                default -> {}
              }
              return null;
            });
    new BearerOnlyFilter().doFilter(request, response, (req, res) -> passed = true);
  }

  private interface Answer {
    Object answer(String method, Object[] args);
  }

  private static <T> T proxy(Class<T> type, Answer answer) {
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (self, method, args) -> answer.answer(method.getName(), args)));
  }
}
