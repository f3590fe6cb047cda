package org.wenjin.elastic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ElasticsearchSettingsTest {

  @Test
  void acceptsAnHttpUrlWithCredentials() {
    var settings = ElasticsearchSettings.of(" http://127.0.0.1:9200 ", "wenjin_app", "s3cret");

    assertThat(settings.url().getPort()).isEqualTo(9200);
    assertThat(settings.username()).isEqualTo("wenjin_app");
  }

  @Test
  void rejectsAMissingUrlWithTheNameOfTheSetting() {
    assertThatThrownBy(() -> ElasticsearchSettings.of(" ", "u", "p"))
        .hasMessageContaining("wenjin.es.url");
  }

  @Test
  void rejectsAnUrlThatIsNotHttp() {
    assertThatThrownBy(() -> ElasticsearchSettings.of("ftp://127.0.0.1:9200", "u", "p"))
        .hasMessageContaining("http");
  }

  @Test
  void rejectsAMissingUsername() {
    assertThatThrownBy(() -> ElasticsearchSettings.of("http://127.0.0.1:9200", "", "p"))
        .hasMessageContaining("wenjin.es.username");
  }

  @Test
  void neverPrintsThePassword() {
    var settings = ElasticsearchSettings.of("http://127.0.0.1:9200", "wenjin_app", "s3cret");

    assertThat(settings.toString()).doesNotContain("s3cret").contains("wenjin_app");
  }
}
