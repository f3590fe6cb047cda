package org.wenjin.ui.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ContentSecurityPolicyTest {

  @Test
  void pagesLoadImagesOnlyFromTheAppAndNothingFramesThem() {
    Map<String, String> policy =
        directives(ContentSecurityPolicy.pages("http://127.0.0.1:18180/realms/wenjin"));

    assertThat(policy)
        .containsEntry("default-src", "'self'")
        .containsEntry("img-src", "'self'")
        .containsEntry("object-src", "'none'")
        .containsEntry("base-uri", "'self'")
        .containsEntry("frame-ancestors", "'none'")
        .containsEntry("connect-src", "'self'")
        .containsEntry("form-action", "'self' http://127.0.0.1:18180");
    // what Vaadin Flow 24 cannot start without (its CSP documentation)
    assertThat(policy.get("script-src")).isEqualTo("'self' 'unsafe-inline' 'unsafe-eval'");
    assertThat(policy.get("style-src")).isEqualTo("'self' 'unsafe-inline'");
  }

  @Test
  void withoutAUsableProviderUrlFormsStayOnTheApp() {
    for (String url :
        new String[] {
          null, "", "not a url", "javascript:alert(1)", "http://", "http://a.example;script-src *"
        }) {
      assertThat(directives(ContentSecurityPolicy.pages(url)))
          .as(String.valueOf(url))
          .containsEntry("form-action", "'self'");
    }
  }

  @Test
  void theProviderIsNamedByItsOriginOnly() {
    assertThat(ContentSecurityPolicy.origin("https://sso.example.com/realms/wenjin"))
        .contains("https://sso.example.com");
    assertThat(ContentSecurityPolicy.origin(" HTTP://sso.example.com:8443/realms/x?y "))
        .contains("http://sso.example.com:8443");
  }

  @Test
  void theApiAllowsNothing() {
    assertThat(directives(ContentSecurityPolicy.API))
        .containsEntry("default-src", "'none'")
        .containsEntry("frame-ancestors", "'none'");
  }

  private static Map<String, String> directives(String policy) {
    return Arrays.stream(policy.split(";\\s*"))
        .map(d -> d.split(" ", 2))
        .collect(Collectors.toMap(d -> d[0], d -> d.length > 1 ? d[1] : "", (a, b) -> a));
  }
}
