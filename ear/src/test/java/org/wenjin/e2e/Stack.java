package org.wenjin.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.wenjin.restclient.ApiClient;

/** Where the stack under test runs and its generated demo password (from the stack's secrets). */
final class Stack {

  static final String APP_URL = System.getProperty("wenjin.it.app-url", "http://127.0.0.1:18080");
  static final String KEYCLOAK_URL =
      System.getProperty("wenjin.it.keycloak-url", "http://127.0.0.1:18180");

  /** The stack's REST API, shared by every test. */
  static final ApiClient API = new ApiClient(APP_URL, KEYCLOAK_URL);

  static final Path SCREENSHOTS =
      Path.of(System.getProperty("wenjin.it.screenshots", "target/screenshots"));

  private static final Properties SECRETS = load();

  private Stack() {}

  static String demoPassword() {
    return SECRETS.getProperty("WENJIN_DEMO_PASSWORD");
  }

  static String secret(String name) {
    return SECRETS.getProperty(name);
  }

  private static Properties load() {
    Path file =
        Path.of(System.getProperty("wenjin.it.secrets", "target/it-stack/secrets/stack.env"));
    Properties properties = new Properties();
    try (var reader = Files.newBufferedReader(file)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("stack secrets not found; is the test stack running?", e);
    }
    return properties;
  }
}
