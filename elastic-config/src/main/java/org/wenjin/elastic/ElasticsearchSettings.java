package org.wenjin.elastic;

import java.net.URI;
import java.util.Objects;

/**
 * Where the application's Elasticsearch is and which credentials it uses (a file-realm user with
 * the {@code wenjin_app} role, see {@code src/main/node/roles.yml}).
 */
public record ElasticsearchSettings(URI url, String username, String password) {

  public ElasticsearchSettings {
    Objects.requireNonNull(url, "Elasticsearch URL is required (wenjin.es.url)");
    if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
      throw new IllegalArgumentException(
          "Elasticsearch URL must be http:// or https://, got: " + url);
    }
    if (url.getHost() == null) {
      throw new IllegalArgumentException("Elasticsearch URL has no host: " + url);
    }
    if (username == null || username.isBlank()) {
      throw new IllegalArgumentException("Elasticsearch username is required (wenjin.es.username)");
    }
    Objects.requireNonNull(password, "Elasticsearch password is required (wenjin.es.password)");
  }

  public static ElasticsearchSettings of(String url, String username, String password) {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("Elasticsearch URL is required (wenjin.es.url)");
    }
    return new ElasticsearchSettings(URI.create(url.strip()), username, password);
  }

  /** Never prints the password. */
  @Override
  public String toString() {
    return "ElasticsearchSettings[url=" + url + ", username=" + username + "]";
  }
}
