package org.wenjin.tenancy.domain;

import java.util.regex.Pattern;
import org.wenjin.platform.text.RuleMessage;

/** What a tenant's alias, name and e-mail domain may look like. */
public final class TenantNames {

  /** Lower-case letters, digits and dashes; used in URLs, tokens and index names. */
  public static final Pattern ALIAS = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?");

  public static final Pattern EMAIL_DOMAIN =
      Pattern.compile("(?=.{3,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");

  public static final int MAX_NAME = 200;

  private TenantNames() {}

  public static String alias(String alias) {
    String value = alias == null ? "" : alias.strip();
    if (!ALIAS.matcher(value).matches()) {
      throw new TenantRuleViolation(RuleMessage.of("tenancy.tenant.alias-invalid"));
    }
    return value;
  }

  public static String name(String name) {
    String value = name == null ? "" : name.strip();
    if (value.isEmpty() || value.length() > MAX_NAME) {
      throw new TenantRuleViolation(RuleMessage.of("tenancy.tenant.name-length", MAX_NAME));
    }
    return value;
  }

  /** The domain of the company's e-mail addresses; Keycloak links users to it. */
  public static String emailDomain(String domain) {
    String value = domain == null ? "" : domain.strip().toLowerCase(java.util.Locale.ROOT);
    if (value.isEmpty()) {
      throw new TenantRuleViolation(RuleMessage.of("tenancy.tenant.domain-missing"));
    }
    if (!EMAIL_DOMAIN.matcher(value).matches()) {
      throw new TenantRuleViolation(RuleMessage.of("tenancy.tenant.domain-invalid", value));
    }
    return value;
  }
}
