package org.wenjin.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.wenjin.restclient.DemoPasswords;

/**
 * Sustained load against a running stack (not a test: {@code bench/soak.sh}): N users ask grounded
 * questions without pause through {@code POST /api/conversations}, a few more follow their answers
 * as server-sent events and one person chats in headless Chromium, for M minutes. Every minute it
 * prints what the clients saw and what the servers hold: WildFly's heap after a forced GC, its
 * full-GC time and the resident memory of the three JVMs. A leak shows as heap after GC that climbs
 * from minute to minute and an answer rate that falls.
 */
public final class SoakBenchmark {

  private static final List<String> QUESTIONS =
      List.of(
          "How do I start Wenjin on my machine?",
          "Which demo users are there and what can they do?",
          "How are documents indexed and searched?",
          "How do I register an OpenAI-compatible model?",
          "What does the readiness endpoint check?",
          "How are tenants kept apart?",
          "怎样上传文档？",
          "如何配置模型？",
          "What happens when Elasticsearch is down?",
          "How does the inference pool queue questions?");

  private final SoakSettings settings;
  private final SoakApi api;
  private final MinuteWindow rest = new MinuteWindow();
  private final MinuteWindow sse = new MinuteWindow();
  private final MinuteWindow browser = new MinuteWindow();
  private volatile boolean stopping;

  private SoakBenchmark(SoakSettings settings) {
    this.settings = settings;
    this.api = new SoakApi(settings.app(), settings.keycloak(), settings.passwords());
  }

  public static void main(String[] args) throws Exception {
    new SoakBenchmark(SoakSettings.fromArgs(args)).run();
    System.exit(0);
  }

  private void run() throws Exception {
    ServerProbe probe = new ServerProbe(settings.stack());
    int passages = api.ensureDocuments("carol", settings.documents());
    System.out.printf(
        "soak: %d REST users, %d SSE streams, %s browser chat, %d min; Acme has %d passages%n",
        settings.users(),
        settings.streams(),
        settings.browser() ? "one" : "no",
        settings.minutes(),
        passages);
    ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor();
    for (int u = 0; u < settings.users(); u++) {
      String user = u % 2 == 0 ? "alice" : "carol";
      int first = u;
      clients.submit(() -> restUser(user, first));
    }
    for (int s = 0; s < settings.streams(); s++) {
      int first = s;
      clients.submit(() -> sseUser("alice", first));
    }
    if (settings.browser()) {
      clients.submit(this::browserUser);
    }
    List<SoakRow> rows = report(probe);
    stopping = true;
    clients.shutdown();
    clients.awaitTermination(2, TimeUnit.MINUTES);
    System.out.println(SoakRow.summary(settings, rows));
  }

  private List<SoakRow> report(ServerProbe probe) throws Exception {
    List<SoakRow> rows = new ArrayList<>();
    System.out.println(SoakRow.HEADER);
    double fullGcBefore = probe.wildflyFullGcSeconds();
    long minuteNanos = TimeUnit.MINUTES.toNanos(1);
    long start = System.nanoTime();
    for (int minute = 1; minute <= settings.minutes(); minute++) {
      long end = start + minute * minuteNanos;
      TimeUnit.NANOSECONDS.sleep(end - System.nanoTime());
      var restFigures = rest.takeAndReset(60);
      var sseFigures = sse.takeAndReset(60);
      var browserFigures = browser.takeAndReset(60);
      double fullGc = probe.wildflyFullGcSeconds();
      long heap = probe.wildflyHeapAfterGcMb();
      double forcedGc = probe.wildflyFullGcSeconds() - fullGc;
      Map<String, Long> rss = probe.residentMb();
      SoakRow row =
          new SoakRow(
              minute, restFigures, sseFigures, browserFigures, heap, fullGc - fullGcBefore, rss);
      fullGcBefore = fullGc + forcedGc; // the probe's own GC is not the load's
      rows.add(row);
      System.out.println(row.line());
    }
    return rows;
  }

  private void restUser(String user, int first) {
    for (int i = first; !stopping; i++) {
      long t0 = System.nanoTime();
      record(rest, api.ask(user, QUESTIONS.get(i % QUESTIONS.size())), t0);
    }
  }

  private void sseUser(String user, int first) {
    for (int i = first; !stopping; i++) {
      long t0 = System.nanoTime();
      record(sse, api.askStreaming(user, QUESTIONS.get(i % QUESTIONS.size())), t0);
    }
  }

  /** Chats until the soak ends; a browser that cannot sign in (server busy) tries again. */
  private void browserUser() {
    while (!stopping) {
      try (BrowserChat chat = new BrowserChat(settings.app())) {
        chat.signIn("bob", settings.passwords().of("bob"));
        for (int i = 0; !stopping; i++) {
          long t0 = System.nanoTime();
          String status = chat.ask(QUESTIONS.get(i % QUESTIONS.size()));
          record(browser, status.equals("COMPLETE") ? SoakApi.ANSWERED : status, t0);
        }
      } catch (RuntimeException e) {
        browser.failed("browser " + e.getClass().getSimpleName());
      }
    }
  }

  private static void record(MinuteWindow window, String outcome, long t0) {
    if (outcome.equals(SoakApi.ANSWERED)) {
      window.answered(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
    } else {
      window.failed(outcome);
    }
  }

  /** What one run is told on its command line ({@code bench/soak.sh} passes it). */
  record SoakSettings(
      String app,
      String keycloak,
      DemoPasswords passwords,
      Path stack,
      List<Path> documents,
      int users,
      int minutes,
      int streams,
      boolean browser) {

    /**
     * Args: app URL, Keycloak URL, the stack's secrets file (stack.env), stack folder, users,
     * minutes, streams, browser (true/false), documents...
     */
    static SoakSettings fromArgs(String[] args) {
      List<Path> documents = new ArrayList<>();
      for (int i = 8; i < args.length; i++) {
        documents.add(Path.of(args[i]));
      }
      return new SoakSettings(
          args[0],
          args[1],
          DemoPasswords.from(Path.of(args[2])),
          Path.of(args[3]),
          documents,
          Integer.parseInt(args[4]),
          Integer.parseInt(args[5]),
          Integer.parseInt(args[6]),
          Boolean.parseBoolean(args[7]));
    }
  }
}
