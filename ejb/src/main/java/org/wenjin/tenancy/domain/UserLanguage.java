package org.wenjin.tenancy.domain;

import java.util.List;
import java.util.Locale;
import org.wenjin.platform.text.RuleMessage;

/** The languages the app speaks, as BCP 47 tags the UI and Keycloak's pages both understand. */
public final class UserLanguage {

  public static final String ENGLISH = "en";
  public static final String CHINESE = "zh-CN";
  public static final List<String> SUPPORTED = List.of(ENGLISH, CHINESE);

  private UserLanguage() {}

  /**
   * @return the supported tag the given one names ("zh", "zh_cn", "ZH-CN" all name 中文)
   * @throws TenantRuleViolation when the app does not speak it
   */
  public static String canonical(String tag) {
    String lower = tag == null ? "" : tag.strip().replace('_', '-').toLowerCase(Locale.ROOT);
    if (lower.equals("en") || lower.startsWith("en-")) {
      return ENGLISH;
    }
    if (lower.equals("zh") || lower.equals("zh-cn") || lower.equals("zh-hans")) {
      return CHINESE;
    }
    throw new TenantRuleViolation(
        RuleMessage.of("tenancy.language.unsupported", SUPPORTED.toString()));
  }
}
