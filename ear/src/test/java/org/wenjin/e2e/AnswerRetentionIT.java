package org.wenjin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.wenjin.bench.ServerProbe;

/**
 * Inside the real WildFly: once answers have ended, nothing of them stays on the heap. Counts live
 * objects with {@code jcmd GC.class_histogram} (which collects first). Before issue 20's fix every
 * answer's pool job, prepared turn and HTTP request stayed reachable for five minutes from timer
 * tasks on the managed scheduled executor.
 */
class AnswerRetentionIT {

  private static final int ANSWERS = 120;
  private static final int CLIENTS = 8; // more than the default model's 4 slots: some queue

  @Test
  void answersThatEndedLeaveNothingBehind() throws Exception {
    String token = ApiIT.tokenFor("alice");
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    List<Future<Integer>> asked = new ArrayList<>();
    for (int i = 0; i < ANSWERS; i++) {
      String body = "{\"question\":\"retention check " + i + "\",\"documents\":false}";
      asked.add(
          clients.submit(() -> ApiIT.send("POST", "/api/conversations", token, body).statusCode()));
    }
    for (Future<Integer> a : asked) {
      assertThat(a.get(2, TimeUnit.MINUTES)).isEqualTo(201);
    }
    clients.shutdown();

    long wildfly = ServerProbe.jvmOf(Path.of(System.getProperty("wenjin.it.stack-dir")), "wildfly");
    String histogram = "";
    for (int attempt = 0; attempt < 10; attempt++) { // the last answers' threads may still unwind
      histogram = histogram(wildfly);
      if (live(histogram, "org.wenjin.inference.application.ModelLane$Job") == 0
          && live(histogram, "org.wenjin.chat.application.PreparedTurn") == 0) {
        break;
      }
      Thread.sleep(500);
    }
    assertThat(live(histogram, "org.wenjin.inference.application.ModelLane$Job"))
        .as("pool jobs alive after %d answers ended", ANSWERS)
        .isZero();
    assertThat(live(histogram, "org.wenjin.chat.application.PreparedTurn"))
        .as("prepared turns alive after %d answers ended", ANSWERS)
        .isZero();
  }

  private static String histogram(long pid) throws Exception {
    Process jcmd =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(pid),
                "GC.class_histogram")
            .redirectErrorStream(true)
            .start();
    String out = new String(jcmd.getInputStream().readAllBytes());
    assertThat(jcmd.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(out).as("jcmd output").contains("#instances");
    return out;
  }

  /** Live instances of {@code className} in a class histogram (0 when it is not listed). */
  private static long live(String histogram, String className) {
    Matcher m =
        Pattern.compile(
                "\\d+:\\s+(\\d+)\\s+\\d+\\s+" + Pattern.quote(className) + "(\\s|$)",
                Pattern.MULTILINE)
            .matcher(histogram);
    return m.find() ? Long.parseLong(m.group(1)) : 0;
  }
}
