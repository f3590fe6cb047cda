package org.wenjin.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
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
   * The stack's PostgreSQL as the application's own database user (its grants, not the owner's).
   */
  static Connection database() throws SQLException {
    return DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:" + System.getProperty("wenjin.it.pg-port") + "/wenjin",
        "wenjin",
        secret("WENJIN_DB_PASSWORD"));
  }

  /**
   * Runs the stack script on this stack ({@code stack.sh stop-search}, {@code start-node 2}, ...)
   * with the folder, ports and database the build started it with; fails when it fails.
   *
   * @return what it printed (it is printed as it comes, too)
   */
  static String script(String... command) throws IOException, InterruptedException {
    List<String> line =
        new ArrayList<>(List.of("bash", System.getProperty("wenjin.it.stack-script")));
    line.addAll(List.of(command));
    ProcessBuilder script = new ProcessBuilder(line).redirectErrorStream(true);
    Map<String, String> env = script.environment();
    env.put("WENJIN_STACK_DIR", System.getProperty("wenjin.it.stack-dir"));
    env.put("WENJIN_PORT_OFFSET", System.getProperty("wenjin.it.port-offset", "10000"));
    env.put("WENJIN_KEYCLOAK_PORT", System.getProperty("wenjin.it.keycloak-port", "18180"));
    env.put(
        "WENJIN_KEYCLOAK_MANAGEMENT_PORT",
        System.getProperty("wenjin.it.keycloak-management-port", "19180"));
    env.put("WENJIN_DB", System.getProperty("wenjin.it.db", "postgresql"));
    env.put("WENJIN_PG_PORT", System.getProperty("wenjin.it.pg-port"));
    env.put("WENJIN_ES_PORT", System.getProperty("wenjin.it.es-port"));
    env.put("WENJIN_ES_TRANSPORT_PORT", System.getProperty("wenjin.it.es-transport-port"));
    Process process = script.start();
    StringBuilder printed = new StringBuilder();
    Thread reader =
        Thread.ofVirtual()
            .start(
                () -> {
                  try (BufferedReader out = process.inputReader(StandardCharsets.UTF_8)) {
                    for (String text; (text = out.readLine()) != null; ) {
                      System.out.println(text);
                      synchronized (printed) {
                        printed.append(text).append('\n');
                      }
                    }
                  } catch (IOException e) {
                    // the script's output ended with it
                  }
                });
    if (!process.waitFor(6, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError(line + " did not finish in 6 minutes");
    }
    reader.join(Duration.ofSeconds(10));
    if (process.exitValue() != 0) {
      throw new AssertionError(String.join(" ", command) + " failed: " + process.exitValue());
    }
    synchronized (printed) {
      return printed.toString();
    }
  }

  /** The process id the stack script recorded for one of its servers ({@code run/<name>.pid}). */
  static long pid(String server) throws IOException {
    return Long.parseLong(Files.readString(DIR.resolve("run/" + server + ".pid")).strip());
  }
}
