package org.wenjin.ui.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OriginalFileTest {

  @Test
  void onlyAPdfOpensInTheBrowser() {
    assertThat(OriginalFile.opensInBrowser("application/pdf")).isTrue();
    for (String type : new String[] {"text/html", "text/plain", "image/svg+xml", null}) {
      assertThat(OriginalFile.opensInBrowser(type)).as(type).isFalse();
    }
  }

  @Test
  void typesThatCouldRunScriptGoOutAsBytes() {
    for (String type :
        new String[] {
          "text/html", "application/xhtml+xml", "image/svg+xml", "text/xml", "application/xml", null
        }) {
      assertThat(OriginalFile.contentType(type)).as(type).isEqualTo("application/octet-stream");
    }
  }

  @Test
  void passiveTypesKeepTheStoredType() {
    assertThat(OriginalFile.contentType("application/pdf")).isEqualTo("application/pdf");
    assertThat(OriginalFile.contentType("text/markdown")).isEqualTo("text/markdown");
    assertThat(
            OriginalFile.contentType(
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
        .endsWith("wordprocessingml.document");
  }

  @Test
  void whatOpensIsSandboxed() {
    assertThat(OriginalFile.CONTENT_SECURITY_POLICY).isEqualTo("sandbox");
  }
}
