package org.wenjin.restclient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;

/**
 * The generated secrets of a stack ({@code <stack>/secrets/stack.env}, written by stack.sh): among
 * them one password per demo user, {@code WENJIN_DEMO_PASSWORD_<USER>} (e.g. {@code
 * WENJIN_DEMO_PASSWORD_ALICE}), so that knowing one demo login tells nothing about another.
 */
public final class DemoPasswords {

  private final Path file;
  private final Properties secrets;

  private DemoPasswords(Path file, Properties secrets) {
    this.file = file;
    this.secrets = secrets;
  }

  /** Reads the stack's {@code stack.env}; fails with the path when the stack has not made it. */
  public static DemoPasswords from(Path stackEnv) {
    Properties properties = new Properties();
    try (var reader = Files.newBufferedReader(stackEnv)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "no stack secrets at " + stackEnv + "; is the stack started (./run.sh start)?", e);
    }
    return new DemoPasswords(stackEnv, properties);
  }

  /** The name of a demo user's password in {@code stack.env}. */
  public static String variable(String username) {
    return "WENJIN_DEMO_PASSWORD_" + username.toUpperCase(Locale.ROOT);
  }

  /** The password of demo user {@code username}. */
  public String of(String username) {
    return secret(variable(username));
  }

  /** Any other generated secret of the stack, e.g. {@code WENJIN_METRICS_CLIENT_SECRET}. */
  public String secret(String name) {
    String value = secrets.getProperty(name);
    if (value == null || value.isEmpty()) {
      throw new IllegalStateException(
          name + " is not in " + file + " (a stack made by an older stack.sh? start it again)");
    }
    return value;
  }
}
