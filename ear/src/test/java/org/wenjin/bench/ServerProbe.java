package org.wenjin.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Looks at the three servers of a running stack from outside: the JVM of each is the java process
 * in the process group {@code stack.sh} started (its pid file), WildFly's heap after a forced GC
 * ({@code jcmd GC.run}, then the old generation in {@code jstat -gc}), its total full-GC time
 * ({@code jstat -gc}, column FGCT) and the resident memory of each JVM ({@code
 * /proc/<pid>/status}).
 */
public final class ServerProbe {

  private static final List<String> SERVERS = List.of("wildfly", "keycloak", "elasticsearch");

  private final Path jdkBin = Path.of(System.getProperty("java.home"), "bin");
  private final Map<String, Long> jvms = new LinkedHashMap<>();

  ServerProbe(Path stackDir) throws IOException {
    for (String server : SERVERS) {
      jvms.put(server, jvmOf(stackDir, server));
    }
  }

  /** The pid of a stack server's JVM ({@code wildfly}, {@code keycloak}, {@code elasticsearch}). */
  public static long jvmOf(Path stackDir, String server) throws IOException {
    return javaIn(
        Long.parseLong(Files.readString(stackDir.resolve("run/" + server + ".pid")).strip()));
  }

  /**
   * The server's JVM in the process group of {@code leader}: the java process without a java child
   * (Elasticsearch's launcher is itself a JVM that starts the server's).
   */
  private static long javaIn(long leader) {
    ProcessHandle root =
        ProcessHandle.of(leader)
            .orElseThrow(() -> new IllegalStateException("no process " + leader));
    return Stream.concat(Stream.of(root), root.descendants())
        .filter(ServerProbe::isJava)
        .filter(p -> p.children().noneMatch(ServerProbe::isJava))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no java under process " + leader))
        .pid();
  }

  /** By its command line, which /proc shows for every user (Elasticsearch runs as nobody). */
  private static boolean isJava(ProcessHandle p) {
    try {
      String commandLine = Files.readString(Path.of("/proc/" + p.pid() + "/cmdline"));
      return commandLine.split("\0", 2)[0].endsWith("/java");
    } catch (IOException e) {
      return false; // it has ended
    }
  }

  /**
   * WildFly's live heap in MB: the old generation right after a forced full GC (which leaves
   * everything live there). Not the whole heap as a second command reads it: under load the young
   * generation refills by ~100 MB in the half second between two {@code jcmd} calls.
   */
  long wildflyHeapAfterGcMb() throws IOException, InterruptedException {
    String pid = String.valueOf(jvms.get("wildfly"));
    run("jcmd", pid, "GC.run");
    return (long) jstatGc(pid, "OU") / 1024;
  }

  /** WildFly's total time in full GCs since it started, in seconds ({@code jstat -gc} FGCT). */
  double wildflyFullGcSeconds() throws IOException, InterruptedException {
    return jstatGc(String.valueOf(jvms.get("wildfly")), "FGCT");
  }

  /** One column of {@code jstat -gc} (sizes in KB, times in seconds). */
  private double jstatGc(String pid, String column) throws IOException, InterruptedException {
    String[] lines = run("jstat", "-gc", pid).strip().split("\n");
    List<String> header = List.of(lines[0].trim().split("\\s+"));
    String[] values = lines[1].trim().split("\\s+");
    return Double.parseDouble(values[header.indexOf(column)]);
  }

  /** Resident memory of each server's JVM in MB, in the order wildfly, keycloak, elasticsearch. */
  Map<String, Long> residentMb() throws IOException {
    Map<String, Long> rss = new LinkedHashMap<>();
    for (var jvm : jvms.entrySet()) {
      long kb = 0;
      for (String line : Files.readAllLines(Path.of("/proc/" + jvm.getValue() + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          kb = Long.parseLong(line.replaceAll("\\D", ""));
        }
      }
      rss.put(jvm.getKey(), kb / 1024);
    }
    return rss;
  }

  private String run(String tool, String... args) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>();
    command.add(jdkBin.resolve(tool).toString());
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException(tool + " failed: " + out);
    }
    return out;
  }
}
