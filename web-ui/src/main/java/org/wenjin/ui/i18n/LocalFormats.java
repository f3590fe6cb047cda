package org.wenjin.ui.i18n;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * Dates, times and numbers as readers of the UI's language write them ("Dec 3, 2026, 11:49 AM" /
 * "2026年12月3日 11:49"). Times are shown in UTC, said so, because the server's audit trail and
 * exports are in UTC and one team spans time zones.
 */
public final class LocalFormats {

  private LocalFormats() {}

  /** Date and time to the minute, in UTC. */
  public static String dateTime(Instant at) {
    return at == null ? "—" : dateTime(at, FormatStyle.SHORT, Tr.locale());
  }

  /** Date and time to the second, in UTC (the audit trail). */
  public static String preciseDateTime(Instant at) {
    return at == null ? "—" : dateTime(at, FormatStyle.MEDIUM, Tr.locale());
  }

  static String dateTime(Instant at, FormatStyle timeStyle, Locale locale) {
    DateTimeFormatter format =
        DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, timeStyle)
            .withLocale(locale)
            .withZone(ZoneOffset.UTC);
    return format.format(at) + " UTC";
  }

  public static String date(LocalDate day) {
    return day == null
        ? "—"
        : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(Tr.locale()).format(day);
  }

  /** A whole number with the locale's grouping (12,345). */
  public static String number(long n) {
    return NumberFormat.getIntegerInstance(Tr.locale()).format(n);
  }

  /** A number with the given decimals (1.5). */
  public static String decimal(double n, int decimals) {
    NumberFormat format = NumberFormat.getNumberInstance(Tr.locale());
    format.setMinimumFractionDigits(decimals);
    format.setMaximumFractionDigits(decimals);
    return format.format(n);
  }
}
