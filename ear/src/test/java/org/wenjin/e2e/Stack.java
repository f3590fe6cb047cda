package org.wenjin.e2e;

import java.nio.file.Path;
import org.wenjin.restclient.ApiClient;
import org.wenjin.restclient.DemoPasswords;

/** Where the stack under test runs and its generated secrets (one password per demo user). */
final class Stack {

  static final String APP_URL = System.getProperty("wenjin.it.app-url", "http://127.0.0.1:18080");
  static final String KEYCLOAK_URL =
      System.getProperty("wenjin.it.keycloak-url", "http://127.0.0.1:18180");

  /** The stack's folder (servers, data, logs, secrets). */
  static final Path DIR = Path.of(System.getProperty("wenjin.it.stack-dir", "target/it-stack"));

  /** The stack's REST API, shared by every test. */
  static final ApiClient API = new ApiClient(APP_URL, KEYCLOAK_URL);

  static final Path SCREENSHOTS =
      Path.of(System.getProperty("wenjin.it.screenshots", "target/screenshots"));

  private static final DemoPasswords SECRETS =
      DemoPasswords.from(
          Path.of(
              System.getProperty(
                  "wenjin.it.secrets", DIR.resolve("secrets/stack.env").toString())));

  private Stack() {}

  /** The generated password of demo user {@code username} ({@code WENJIN_DEMO_PASSWORD_<USER>}). */
  static String demoPassword(String username) {
    return SECRETS.of(username);
  }

  static String secret(String name) {
    return SECRETS.secret(name);
  }
}
