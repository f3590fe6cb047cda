package org.wenjin.ui.admin;

import org.wenjin.ui.i18n.LocalFormats;

/** How the usage overview writes its numbers, the same in the cards and the tables. */
final class UsageFormat {

  private UsageFormat() {}

  /** A whole number grouped as the UI's language writes it: "12,345". */
  static String count(long n) {
    return LocalFormats.number(n);
  }

  /** An average of +1 (up) and −1 (down) ratings, signed: "+0.60"; "—" without ratings. */
  static String rating(Double average) {
    if (average == null) {
      return "—";
    }
    return (average < 0 ? "-" : "+") + LocalFormats.decimal(Math.abs(average), 2);
  }
}
