package org.wenjin.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU seconds used so far by each server of the stack (the process ./run.sh started and all its
 * descendants), read from Linux's /proc: shows where the cores went during a benchmark phase.
 */
final class StackCpu {

  /** Linux reports utime and stime in clock ticks of 1/100 s on every common configuration. */
  private static final double TICKS_PER_SECOND = 100.0;

  private final Path runDir;

  /**
   * @param stackDir the stack's directory (.stack), whose run/ holds one pid file per server
   */
  StackCpu(Path stackDir) {
    this.runDir = stackDir.resolve("run");
  }

  /** Seconds of CPU per server name (wildfly, elasticsearch, keycloak), plus this process. */
  Map<String, Double> seconds() {
    Map<Long, Long> parents = new HashMap<>();
    Map<Long, Long> ticks = new HashMap<>();
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      procs
          .filter(p -> p.getFileName().toString().matches("\\d+"))
          .forEach(p -> readStat(p, parents, ticks));
    } catch (IOException e) {
      return Map.of();
    }
    Map<String, Double> result = new LinkedHashMap<>();
    try (Stream<Path> pidFiles = Files.list(runDir)) {
      pidFiles
          .filter(f -> f.toString().endsWith(".pid"))
          .sorted()
          .forEach(
              f -> {
                String name = f.getFileName().toString().replace(".pid", "");
                long root = Long.parseLong(read(f).strip());
                result.put(name, treeTicks(root, parents, ticks) / TICKS_PER_SECOND);
              });
    } catch (IOException | NumberFormatException e) {
      return Map.of();
    }
    result.put(
        "benchmark", ticks.getOrDefault(ProcessHandle.current().pid(), 0L) / TICKS_PER_SECOND);
    return result;
  }

  /**
   * CPU seconds so far of one server's threads, grouped by what they do (Linux thread names, cut to
   * 15 characters): says whether WildFly's share went to the worker or to JIT, GC or requests.
   */
  Map<String, Double> threads(String server) {
    Map<String, Double> result = new LinkedHashMap<>();
    for (long pid : descendants(server)) {
      try (Stream<Path> tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
        tasks.forEach(
            t -> {
              String stat = read(t.resolve("stat"));
              int close = stat.lastIndexOf(')');
              if (close > 0) {
                String[] f = stat.substring(close + 2).split(" ");
                long used = Long.parseLong(f[11]) + Long.parseLong(f[12]);
                String group = THREAD_GROUPS.apply(read(t.resolve("comm")).strip());
                result.merge(group, used / TICKS_PER_SECOND, Double::sum);
              }
            });
      } catch (IOException | NumberFormatException e) {
        // the process ended meanwhile
      }
    }
    return result;
  }

  private static final java.util.function.Function<String, String> THREAD_GROUPS =
      name -> {
        if (name.startsWith("EE-ManagedExecu") || name.startsWith("wenjin-")) {
          return "worker+embedding";
        } else if (name.contains("Compiler")) {
          return "JIT";
        } else if (name.startsWith("G1") || name.startsWith("GC") || name.equals("VM Thread")) {
          return "GC";
        } else if (name.startsWith("default")) {
          return "HTTP requests";
        }
        return "other";
      };

  private List<Long> descendants(String server) {
    Map<Long, Long> parents = new HashMap<>();
    Map<Long, Long> ticks = new HashMap<>();
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      procs
          .filter(p -> p.getFileName().toString().matches("\\d+"))
          .forEach(p -> readStat(p, parents, ticks));
      long root = Long.parseLong(read(runDir.resolve(server + ".pid")).strip());
      List<Long> tree = new ArrayList<>();
      for (Long pid : ticks.keySet()) {
        for (Long p = pid; p != null && p > 0; p = parents.get(p)) {
          if (p == root) {
            tree.add(pid);
            break;
          }
        }
      }
      return tree;
    } catch (IOException | NumberFormatException e) {
      return List.of();
    }
  }

  /** What each server used between two readings, as a line. */
  static String difference(Map<String, Double> before, Map<String, Double> after, double wall) {
    StringBuilder line = new StringBuilder();
    for (var e : after.entrySet()) {
      double used = e.getValue() - before.getOrDefault(e.getKey(), 0.0);
      line.append(
          String.format("%s %.1f s (%.0f%% of a core)  ", e.getKey(), used, 100 * used / wall));
    }
    return line.toString().strip();
  }

  private static long treeTicks(long root, Map<Long, Long> parents, Map<Long, Long> ticks) {
    long sum = 0;
    for (var e : ticks.entrySet()) {
      for (Long p = e.getKey(); p != null && p > 0; p = parents.get(p)) {
        if (p == root) {
          sum += e.getValue();
          break;
        }
      }
    }
    return sum;
  }

  private static void readStat(Path proc, Map<Long, Long> parents, Map<Long, Long> ticks) {
    String stat = read(proc.resolve("stat"));
    int close = stat.lastIndexOf(')'); // the command name may contain spaces
    if (close < 0) {
      return;
    }
    String[] f = stat.substring(close + 2).split(" ");
    long pid = Long.parseLong(proc.getFileName().toString());
    // after the name: state(0) ppid(1) ... utime(11) stime(12)
    parents.put(pid, Long.parseLong(f[1]));
    ticks.put(pid, Long.parseLong(f[11]) + Long.parseLong(f[12]));
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return "";
    }
  }
}
