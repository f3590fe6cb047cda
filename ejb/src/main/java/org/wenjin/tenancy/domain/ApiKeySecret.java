package org.wenjin.tenancy.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * What an API key looks like: {@code wj-} and 43 URL-safe characters (256 random bits), so it can
 * be told from a Keycloak token at a glance and found by its SHA-256 without a slow hash: with that
 * much entropy nobody can guess a key from its hash, which is what a password hash protects
 * against.
 */
public final class ApiKeySecret {

  public static final String PREFIX = "wj-";

  private static final int RANDOM_BYTES = 32;

  /** How many characters of a key its owner sees in lists ({@code wj-} and eight more). */
  private static final int SHOWN = PREFIX.length() + 8;

  private static final Pattern SHAPE = Pattern.compile("wj-[A-Za-z0-9_-]{43}");

  private static final SecureRandom RANDOM = new SecureRandom();

  private ApiKeySecret() {}

  public static String generate() {
    byte[] bytes = new byte[RANDOM_BYTES];
    RANDOM.nextBytes(bytes);
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Whether {@code text} has the shape of a key (says nothing about whether it is one). */
  public static boolean looksLikeKey(String text) {
    return text != null && SHAPE.matcher(text).matches();
  }

  /** The lookup hash, hex. */
  public static String hash(String secret) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(secret.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** The part of a key that lists show, e.g. {@code wj-AbCdEfGh…}. */
  public static String shown(String secret) {
    return secret.substring(0, SHOWN) + "…";
  }
}
