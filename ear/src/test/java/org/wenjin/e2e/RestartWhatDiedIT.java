package org.wenjin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * One server of the stack dies (kill -9 of the test stack's Elasticsearch, its whole process
 * group): {@code stack.sh start}, as {@code ./run.sh start} runs it, starts that one again instead
 * of refusing because the others still run, leaves the others as they are (the same processes), and
 * what was indexed before is found again.
 */
class RestartWhatDiedIT {

  private static final List<String> OTHERS = List.of("keycloak", "wildfly", "postgresql");

  @Test
  void startStartsOnlyTheServerThatDiedAndKeepsItsData() throws Exception {
    String gina = ApiIT.tokenFor("gina");
    String marker = "restart" + System.nanoTime();
    long id =
        KnowledgeApi.id(
            KnowledgeApi.upload(
                gina,
                "restart.txt",
                ("After a restart the code word is " + marker + ".")
                    .getBytes(StandardCharsets.UTF_8),
                Map.of("collection", "travel")));
    awaitFound(gina, marker, Duration.ofMinutes(3));

    Map<String, Long> before = pidsOf(OTHERS);
    long search = Stack.pid("elasticsearch");
    kill(search);

    long started = System.nanoTime();
    String printed = Stack.script("start");
    long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);

    assertThat(printed)
        .contains("starting what is not running: elasticsearch")
        .doesNotContain("starting from empty databases");
    assertThat(Stack.pid("elasticsearch")).as("a new Elasticsearch").isNotEqualTo(search);
    assertThat(pidsOf(OTHERS)).as("the servers that kept running").isEqualTo(before);
    awaitFound(gina, marker, Duration.ofMinutes(2));
    System.out.printf(
        "Restart: Elasticsearch killed, `start` brought it back in %d s; the rest kept running%n",
        seconds);
    assertThat(KnowledgeApi.send("DELETE", "/api/documents/" + id, gina).statusCode())
        .isEqualTo(204);
  }

  private static Map<String, Long> pidsOf(List<String> servers) throws Exception {
    Map<String, Long> pids = new LinkedHashMap<>();
    for (String server : servers) {
      if (Stack.DIR.resolve("run/" + server + ".pid").toFile().exists()) {
        pids.put(server, Stack.pid(server));
      }
    }
    return pids;
  }

  /** kill -9 of the process group the stack script started (the launcher and its JVM). */
  private static void kill(long pid) throws Exception {
    Process kill = new ProcessBuilder("kill", "-KILL", "--", "-" + pid).inheritIO().start();
    assertThat(kill.waitFor()).as("kill -9 of group " + pid).isZero();
    Instant deadline = Instant.now().plusSeconds(30);
    while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
      assertThat(Instant.now()).as("process %d gone", pid).isBefore(deadline);
      Thread.sleep(100);
    }
  }

  private static void awaitFound(String token, String word, Duration within) throws Exception {
    Instant deadline = Instant.now().plus(within);
    String body = "";
    while (Instant.now().isBefore(deadline)) {
      var found = KnowledgeApi.search(token, word);
      body = found.body();
      if (found.statusCode() == 200 && body.contains("\"total\":1")) {
        return;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("'" + word + "' not found: " + body);
  }
}
