package org.wenjin.ui.admin;

import java.util.Locale;

/** How the usage overview writes its numbers, the same in the cards and the tables. */
final class UsageFormat {

  private UsageFormat() {}

  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** An average of +1 (up) and −1 (down) ratings, signed: "+0.60"; "—" without ratings. */
  static String rating(Double average) {
    return average == null ? "—" : String.format(Locale.ROOT, "%+.2f", average);
  }

  static String plural(long n, String one, String many) {
    return count(n) + " " + (n == 1 ? one : many);
  }
}
