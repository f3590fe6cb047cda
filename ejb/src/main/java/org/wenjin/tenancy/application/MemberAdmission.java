package org.wenjin.tenancy.application;

import java.util.Locale;
import java.util.regex.Pattern;

/** The per-company rule for who a tenant admin may add: an address in the company's domain. */
final class MemberAdmission {

  /** One local part, then exactly the domain: no sub-domains, no second "@", no spaces. */
  private static final Pattern ADDRESS = Pattern.compile("[^@\\s]+@([^@\\s]+)");

  private MemberAdmission() {}

  static boolean inDomain(String email, String domain) {
    var match = ADDRESS.matcher(email);
    return match.matches()
        && match.group(1).toLowerCase(Locale.ROOT).equals(domain.strip().toLowerCase(Locale.ROOT));
  }
}
