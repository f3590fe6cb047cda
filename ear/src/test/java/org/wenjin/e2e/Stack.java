package org.wenjin.e2e;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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

  /**
   * Runs the stack script on this stack ({@code stack.sh stop-search}, {@code start-node 2}, ...)
   * with the folder, ports and database the build started it with; fails when it fails.
   */
  static void script(String... command) throws IOException, InterruptedException {
    List<String> line =
        new ArrayList<>(List.of("bash", System.getProperty("wenjin.it.stack-script")));
    line.addAll(List.of(command));
    ProcessBuilder script =
        new ProcessBuilder(line)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.INHERIT);
    Map<String, String> env = script.environment();
    env.put("WENJIN_STACK_DIR", System.getProperty("wenjin.it.stack-dir"));
    env.put("WENJIN_PORT_OFFSET", System.getProperty("wenjin.it.port-offset", "10000"));
    env.put("WENJIN_DB", System.getProperty("wenjin.it.db", "postgresql"));
    env.put("WENJIN_PG_PORT", System.getProperty("wenjin.it.pg-port"));
    env.put("WENJIN_ES_PORT", System.getProperty("wenjin.it.es-port"));
    env.put("WENJIN_ES_TRANSPORT_PORT", System.getProperty("wenjin.it.es-transport-port"));
    Process process = script.start();
    if (!process.waitFor(6, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError(line + " did not finish in 6 minutes");
    }
    if (process.exitValue() != 0) {
      throw new AssertionError(String.join(" ", command) + " failed: " + process.exitValue());
    }
  }
}
