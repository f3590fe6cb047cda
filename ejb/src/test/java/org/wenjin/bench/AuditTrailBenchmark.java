package org.wenjin.bench;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wenjin.audit.application.AuditLog;
import org.wenjin.audit.application.AuditTrail;
import org.wenjin.audit.application.Exchange;
import org.wenjin.audit.domain.AuditQuery;
import org.wenjin.audit.domain.ChainReport;
import org.wenjin.audit.interfaces.AuditEventDto;
import org.wenjin.it.TestCallers;
import org.wenjin.it.TestDeployments;
import org.wenjin.platform.Jsonp;
import org.wenjin.security.Roles;
import org.wenjin.tenancy.application.ActingCaller;
import org.wenjin.tenancy.application.CallerScope;
import org.wenjin.tenancy.application.UserProvisioningService;

/**
 * The audit trail at 100,000 events of one company, on WildFly's H2: what recording an exchange
 * costs an answer (one append in its own transaction, alone and with 16 answers at once, beside an
 * empty transaction), the export's rate (events to JSON Lines, beside a bare JDBC read of the same
 * rows), the auditor's searches and the verification. Not part of {@code ./mvnw verify}: run by
 * {@code bench/audit.sh}; figures go to the server's {@code
 * java.io.tmpdir}/wenjin-audit-benchmark.txt.
 */
@ExtendWith(ArquillianExtension.class)
class AuditTrailBenchmark {

  private static final int EVENTS = 100_000;

  @Deployment
  static WebArchive deployment() throws Exception {
    return TestDeployments.war("audit-benchmark", "org.wenjin.tenancy", "org.wenjin.audit");
  }

  @EJB private AuditLog log;

  @EJB private AuditTrail trail;

  @EJB private UserProvisioningService provisioning;

  @Inject private UserTransaction tx;

  @Resource(lookup = "java:jboss/datasources/WenjinDS")
  private DataSource db;

  private final StringBuilder report = new StringBuilder();

  @Test
  void figuresAt100kEvents() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    ActingCaller acme = caller("bench-" + run, "bench-" + run);
    line("audit benchmark: " + EVENTS + " events of one company, H2 in WildFly, 2 cores");

    // the answer path: one exchange per transaction, as DefaultTurnService.finish records it
    List<Long> empty = new ArrayList<>();
    List<Long> alone = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      long t0 = System.nanoTime();
      tx.begin();
      tx.commit();
      empty.add(System.nanoTime() - t0);
      t0 = System.nanoTime();
      tx.begin();
      log.exchange(acme.tenantId(), exchange(acme, i));
      tx.commit();
      alone.add(System.nanoTime() - t0);
    }
    List<Long> together = concurrentAppends(acme, 16, 100);
    line("append per answer      | p50 ms | p95 ms");
    line(
        "  empty transaction    | "
            + ms(pct(empty.subList(100, 600), 50))
            + " | "
            + ms(pct(empty.subList(100, 600), 95)));
    line(
        "  exchange, 1 at once  | "
            + ms(pct(alone.subList(100, 600), 50))
            + " | "
            + ms(pct(alone.subList(100, 600), 95)));
    line("  exchange, 16 at once | " + ms(pct(together, 50)) + " | " + ms(pct(together, 95)));

    long t0 = System.nanoTime();
    int seeded = 600 + 16 * 100;
    while (seeded < EVENTS) {
      int batch = Math.min(1000, EVENTS - seeded);
      tx.begin();
      for (int i = 0; i < batch; i++) {
        log.exchange(acme.tenantId(), exchange(acme, seeded + i));
      }
      tx.commit();
      seeded += batch;
    }
    line(
        String.format(
            "seeded %d events at %.0f/s (1,000 per transaction)",
            seeded, seeded / seconds(System.nanoTime() - t0)));

    long[] exported = {0, 0};
    t0 = System.nanoTime();
    as(
        acme,
        () -> {
          trail.export(
              AuditQuery.all(),
              e -> {
                String json =
                    Jsonp.JSON
                        .createObjectBuilder()
                        .add("id", e.getId())
                        .add("question", e.getQuestion())
                        .add("answer", e.getAnswer())
                        .add("detail", e.getDetail())
                        .build()
                        .toString();
                AuditEventDto.of(e);
                exported[0]++;
                exported[1] += json.length();
                return true;
              });
          return null;
        });
    double exportS = seconds(System.nanoTime() - t0);
    t0 = System.nanoTime();
    long raw = rawRead(acme.tenantId());
    double rawS = seconds(System.nanoTime() - t0);
    line("export of all events   | events | s | events/s");
    line(
        String.format(
            "  JSON Lines via trail  | %d | %.1f | %.0f",
            exported[0], exportS, exported[0] / exportS));
    line(String.format("  baseline: bare JDBC   | %d | %.1f | %.0f", raw, rawS, raw / rawS));
    assertThat(exported[0]).isEqualTo(raw);

    line("search (page of 50)    | p50 ms | p95 ms | total");
    search(acme, "  newest, no filter    ", AuditQuery.all(), 0);
    search(acme, "  page 1000 (offset 50k)", AuditQuery.all(), 50_000);
    search(acme, "  user                 ", query(acme.username(), null, null), 0);
    search(acme, "  document             ", query(null, null, 41L), 0);
    search(acme, "  text (no index)      ", query(null, "question 4242", null), 0);

    t0 = System.nanoTime();
    ChainReport verdict = as(acme, trail::verify);
    double verifyS = seconds(System.nanoTime() - t0);
    line(
        String.format(
            "verify: %s over %d events in %.1f s (%.0f events/s)",
            verdict.intact() ? "intact" : "BROKEN",
            verdict.events(),
            verifyS,
            verdict.events() / verifyS));
    assertThat(verdict.intact()).isTrue();
    write();
  }

  private List<Long> concurrentAppends(ActingCaller acme, int threads, int each) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<List<Long>>> runs = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int offset = 10_000 + t * each;
      runs.add(
          pool.submit(
              () -> {
                List<Long> times = new ArrayList<>();
                for (int i = 0; i < each; i++) {
                  long t0 = System.nanoTime();
                  tx.begin();
                  log.exchange(acme.tenantId(), exchange(acme, offset + i));
                  tx.commit();
                  times.add(System.nanoTime() - t0);
                }
                return times;
              }));
    }
    List<Long> all = new ArrayList<>();
    for (Future<List<Long>> r : runs) {
      all.addAll(r.get());
    }
    pool.shutdown();
    pool.awaitTermination(1, TimeUnit.MINUTES);
    return all;
  }

  private void search(ActingCaller caller, String label, AuditQuery query, int offset)
      throws Exception {
    List<Long> times = new ArrayList<>();
    long total = 0;
    for (int i = 0; i < 12; i++) {
      long t0 = System.nanoTime();
      total = as(caller, () -> trail.search(query, offset, 50).total());
      times.add(System.nanoTime() - t0);
    }
    List<Long> warm = times.subList(2, times.size());
    line(label + " | " + ms(pct(warm, 50)) + " | " + ms(pct(warm, 95)) + " | " + total);
  }

  private long rawRead(long tenantId) throws Exception {
    long n = 0;
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "select id, seq, occurred_at, type, actor, question, answer, detail, hash"
                    + " from audit_event where tenant_id = ? order by id desc")) {
      s.setLong(1, tenantId);
      s.setFetchSize(500);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          r.getString(6);
          r.getString(7);
          r.getString(8);
          n++;
        }
      }
    }
    return n;
  }

  private static AuditQuery query(String user, String text, Long document) {
    return new AuditQuery(null, null, user, text, null, document, null, null);
  }

  private static Exchange exchange(ActingCaller caller, int n) {
    return new Exchange(
        caller.userId(),
        caller.username(),
        n / 5,
        n,
        "How many days of annual leave do I get? question " + n,
        "Employees get 15 days of annual leave after their first year [1]. 年假十五天。[2]",
        "COMPLETE",
        null,
        "extractive",
        "extractive",
        List.of(
            new Exchange.ShownPassage(1, 41 + n % 50, 3, "Leave policy 请假制度", true),
            new Exchange.ShownPassage(2, 42 + n % 50, 7, "Employee handbook", true),
            new Exchange.ShownPassage(3, 43 + n % 50, 1, "Holidays", false)),
        new Exchange.Timings(2, 40L, 300),
        420,
        38);
  }

  private static <T> T as(ActingCaller caller, Callable<T> work) throws Exception {
    return CallerScope.call(caller, work);
  }

  private ActingCaller caller(String subject, String tenantAlias) {
    return TestCallers.member(provisioning, subject, tenantAlias, Roles.AUDITOR);
  }

  private static long pct(List<Long> nanos, int p) {
    long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
  }

  private static String ms(long nanos) {
    return String.format("%.2f", nanos / 1e6);
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  private void line(String text) {
    report.append(text).append('\n');
  }

  private void write() throws IOException {
    Path out = Path.of(System.getProperty("java.io.tmpdir"), "wenjin-audit-benchmark.txt");
    try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      w.write(report.toString());
    }
    System.out.println(report);
  }
}
