package org.wenjin.audit.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wenjin.audit.application.AuditLog;
import org.wenjin.audit.application.Exchange;
import org.wenjin.audit.application.Exchange.ShownPassage;
import org.wenjin.audit.application.UsageOverview;
import org.wenjin.audit.application.UsageOverview.Report;
import org.wenjin.audit.domain.AuditRules;
import org.wenjin.audit.domain.ExchangeTally;
import org.wenjin.audit.domain.ModelUsage;
import org.wenjin.audit.domain.UsageFigures;
import org.wenjin.it.TestCallers;
import org.wenjin.it.TestDeployments;
import org.wenjin.security.Roles;
import org.wenjin.tenancy.application.ActingCaller;
import org.wenjin.tenancy.application.CallerScope;
import org.wenjin.tenancy.application.UserProvisioningService;

/**
 * The usage overview on WildFly's real database: questions per UTC day, active users, cited
 * documents, unanswered questions and ratings per model are counted from the company's own audit
 * trail, and another company's events, even citing the same document id, never count.
 */
@ExtendWith(ArquillianExtension.class)
class UsageOverviewIT {

  private static final ShownPassage LEAVE_CITED = new ShownPassage(1, 41, 0, "Leave policy", true);
  private static final ShownPassage VPN_SHOWN = new ShownPassage(2, 77, 3, "VPN guide", false);

  @Deployment
  static WebArchive deployment() throws Exception {
    return TestDeployments.war("usage-overview-it", "org.wenjin.tenancy", "org.wenjin.audit");
  }

  @EJB private AuditLog log;

  @EJB private UsageOverview usage;

  @EJB private UserProvisioningService provisioning;

  @Inject private UserTransaction tx;

  private ActingCaller alice;
  private ActingCaller carol;
  private ActingCaller bob;

  @BeforeEach
  void twoCompanies() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    alice = caller("alice-" + run, "acme-" + run);
    carol = caller("carol-" + run, "acme-" + run);
    bob = caller("bob-" + run, "globex-" + run);
  }

  @Test
  void theFiguresAreTheCallersCompanysOnly() throws Exception {
    exchange(alice, 1, "年假怎么申请？", "extractive", LEAVE_CITED);
    exchange(alice, 2, "How many days of leave?", "qwen", LEAVE_CITED, VPN_SHOWN);
    exchange(carol, 3, "Where is the canteen?", "extractive");
    rate(alice, 2, "qwen", 1);
    rate(alice, 2, "qwen", -1); // changed her mind: counts once, down
    rate(carol, 3, "extractive", 1);
    exchange(bob, 4, "Globex leave?", "extractive", LEAVE_CITED);
    exchange(bob, 5, "Globex secret plans", "extractive");
    rate(bob, 4, "extractive", -1);

    Report acme = as(alice, () -> usage.lastDays(30));
    assertThat(acme.questions()).isEqualTo(3);
    assertThat(acme.activeUsers()).isEqualTo(2);
    assertThat(acme.days()).hasSize(30);
    assertThat(acme.days().get(29).date()).isEqualTo(acme.period().lastDay());
    // all today, unless the test ran across midnight UTC
    assertThat(acme.days().stream().mapToLong(ExchangeTally.Day::questions).sum()).isEqualTo(3);
    assertThat(acme.days().subList(0, 28)).allSatisfy(d -> assertThat(d.questions()).isZero());
    assertThat(acme.topDocuments())
        .as("the VPN guide was shown, not cited")
        .containsExactly(new UsageFigures.CitedDocument(41, "Leave policy", 2));
    assertThat(acme.unansweredCount()).isEqualTo(1);
    assertThat(acme.unanswered())
        .singleElement()
        .satisfies(
            u -> {
              assertThat(u.question()).isEqualTo("Where is the canteen?");
              assertThat(u.user()).isEqualTo(carol.username());
            });
    assertThat(acme.ratings()).isEqualTo(2);
    assertThat(acme.averageRating()).isEqualTo(0.0);
    assertThat(acme.models())
        .containsExactly(new ModelUsage("extractive", 2, 1, 1), new ModelUsage("qwen", 1, 1, -1));

    Report globex = as(bob, () -> usage.lastDays(7));
    assertThat(globex.questions()).isEqualTo(2);
    assertThat(globex.activeUsers()).isEqualTo(1);
    assertThat(globex.topDocuments())
        .extracting(UsageFigures.CitedDocument::exchanges)
        .containsExactly(1L);
    assertThat(globex.unanswered())
        .extracting(UsageFigures.Unanswered::question)
        .containsExactly("Globex secret plans");
    assertThat(globex.averageRating()).isEqualTo(-1.0);
  }

  @Test
  void aCompanyWithoutQuestionsHasQuietDaysAndNoAverage() throws Exception {
    exchange(bob, 1, "Only Globex asks", "extractive", LEAVE_CITED);

    Report acme = as(alice, () -> usage.lastDays(7));
    assertThat(acme.days()).hasSize(7).allSatisfy(d -> assertThat(d.questions()).isZero());
    assertThat(acme.questions()).isZero();
    assertThat(acme.topDocuments()).isEmpty();
    assertThat(acme.unanswered()).isEmpty();
    assertThat(acme.models()).isEmpty();
    assertThat(acme.averageRating()).isNull();
  }

  @Test
  void manyExchangesAreCountedAcrossBatchesAndTheUnansweredListIsCapped() throws Exception {
    int many = 5003; // more than one batch of JpaUsageFigures
    tx.begin();
    for (int i = 0; i < many; i++) {
      log.exchange(alice.tenantId(), exchangeOf(alice, i, "Q" + i, "extractive", List.of()));
    }
    tx.commit();

    Report acme = as(alice, () -> usage.lastDays(2));
    assertThat(acme.questions()).isEqualTo(many);
    assertThat(acme.days().stream().mapToLong(ExchangeTally.Day::questions).sum()).isEqualTo(many);
    assertThat(acme.unansweredCount()).isEqualTo(many);
    assertThat(acme.unanswered())
        .hasSize(50)
        .first()
        .satisfies(u -> assertThat(u.question()).isEqualTo("Q" + (many - 1)));
  }

  @Test
  void aPeriodOfLessThanADayOrMoreThanAYearIsRefused() {
    for (int days : new int[] {0, 366}) {
      Throwable refused = failure(() -> as(alice, () -> usage.lastDays(days)));
      assertThat(refused).isInstanceOf(AuditRules.class).hasMessageContaining("1 to 365 days");
    }
  }

  private void exchange(
      ActingCaller caller, int turn, String question, String model, ShownPassage... shown)
      throws Exception {
    tx.begin();
    log.exchange(caller.tenantId(), exchangeOf(caller, turn, question, model, List.of(shown)));
    tx.commit();
  }

  private static Exchange exchangeOf(
      ActingCaller caller, int turn, String question, String model, List<ShownPassage> shown) {
    return new Exchange(
        caller.userId(),
        caller.username(),
        1000 + turn,
        2000 + turn,
        question,
        "An answer.",
        "COMPLETE",
        null,
        model,
        model,
        shown,
        new Exchange.Timings(1, 2L, 3),
        10,
        5);
  }

  private void rate(ActingCaller caller, int turn, String model, int rating) throws Exception {
    tx.begin();
    as(
        caller,
        () -> {
          log.feedback(
              new AuditLog.RatedAnswer(1000 + turn, 2000 + turn, "Q", "A", model), rating, null);
          return null;
        });
    tx.commit();
  }

  private static <T> T as(ActingCaller caller, Callable<T> work) throws Exception {
    return CallerScope.call(caller, work);
  }

  private static Throwable failure(Callable<?> work) {
    try {
      work.call();
      return null;
    } catch (Throwable t) {
      return t;
    }
  }

  private ActingCaller caller(String subject, String tenantAlias) {
    return TestCallers.member(provisioning, subject, tenantAlias, Roles.TENANT_ADMIN);
  }
}
