package org.wenjin.governance.application;

import static org.wenjin.platform.Jsonp.JSON;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import java.time.Clock;
import java.time.LocalDate;
import org.wenjin.audit.application.AuditLog;
import org.wenjin.governance.domain.GovernanceStore;
import org.wenjin.governance.domain.Policy;
import org.wenjin.governance.domain.PolicyBounds;
import org.wenjin.governance.domain.PurgeReport;
import org.wenjin.governance.domain.UsageToday;
import org.wenjin.tenancy.application.ActingCaller;
import org.wenjin.tenancy.application.CallerScope;

@Stateless
public class DefaultGovernanceService implements GovernanceService {

  private final Clock clock = Clock.systemUTC();

  @Inject private GovernanceStore store;

  @Inject private PolicyLimits limits;

  @Inject private Retention retention;

  @Inject private AuditLog audit;

  @Override
  public Policy policy() {
    return store.policy();
  }

  @Override
  public PolicyBounds bounds() {
    return limits.bounds();
  }

  @Override
  public Policy change(Policy policy) {
    Policy before = store.policy();
    store.save(limits.bounds().check(policy));
    audit.action(
        "settings.policy-changed",
        JSON.createObjectBuilder().add("before", json(before)).add("after", json(policy)).build());
    return policy;
  }

  @Override
  public PurgeReport purgeNow() {
    ActingCaller caller = CallerScope.current();
    return retention.purgeByPolicy(caller.tenantId(), clock.instant(), caller.username());
  }

  @Override
  public UsageToday today() {
    ActingCaller caller = CallerScope.current();
    LocalDate day = LocalDate.now(clock);
    long[] company = store.used(caller.tenantId(), 0, day);
    long[] mine = store.used(caller.tenantId(), caller.userId(), day);
    return new UsageToday(company[0], company[1], mine[0], mine[1], store.policy());
  }

  private static JsonObjectBuilder json(Policy p) {
    JsonObjectBuilder o = JSON.createObjectBuilder();
    add(o, "conversationDays", p.conversationDays());
    add(o, "auditDays", p.auditDays());
    add(o, "userQuestionsPerMinute", p.userQuestionsPerMinute());
    add(o, "companyQuestionsPerMinute", p.companyQuestionsPerMinute());
    add(o, "userTokensPerDay", p.userTokensPerDay());
    add(o, "companyTokensPerDay", p.companyTokensPerDay());
    return o;
  }

  private static void add(JsonObjectBuilder o, String key, Number value) {
    if (value == null) {
      o.addNull(key);
    } else {
      o.add(key, value.longValue());
    }
  }
}
