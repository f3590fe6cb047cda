package org.wenjin.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * CPU seconds used so far by each server of the stack (the process ./run.sh started and all its
 * descendants), read from Linux's /proc: shows where the cores went during a benchmark phase.
 */
final class StackCpu {

  /** Linux reports utime and stime in clock ticks of 1/100 s on every common configuration. */
  private static final double TICKS_PER_SECOND = 100.0;

  /** What a thread does, from its Linux name (cut to 15 characters). */
  private static final Function<String, String> THREAD_GROUPS =
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

  private final Path runDir;

  /**
   * @param stackDir the stack's directory (.stack), whose run/ holds one pid file per server
   */
  StackCpu(Path stackDir) {
    this.runDir = stackDir.resolve("run");
  }

  /** Seconds of CPU per server name (wildfly, elasticsearch, keycloak), plus this process. */
  Map<String, Double> seconds() {
    Processes now = Processes.read();
    Map<String, Double> result = new LinkedHashMap<>();
    try (Stream<Path> pidFiles = Files.list(runDir)) {
      pidFiles
          .filter(f -> f.toString().endsWith(".pid"))
          .sorted()
          .forEach(
              f -> {
                String name = f.getFileName().toString().replace(".pid", "");
                long ticks = 0;
                for (long pid : now.tree(Long.parseLong(read(f).strip()))) {
                  ticks += now.ticks.get(pid);
                }
                result.put(name, ticks / TICKS_PER_SECOND);
              });
    } catch (IOException | NumberFormatException e) {
      return Map.of();
    }
    result.put(
        "benchmark", now.ticks.getOrDefault(ProcessHandle.current().pid(), 0L) / TICKS_PER_SECOND);
    return result;
  }

  /**
   * CPU seconds so far of one server's threads, grouped by what they do: says whether WildFly's
   * share went to the worker or to JIT, GC or requests.
   */
  Map<String, Double> threads(String server) {
    Map<String, Double> result = new LinkedHashMap<>();
    List<Long> tree;
    try {
      tree = Processes.read().tree(Long.parseLong(read(runDir.resolve(server + ".pid")).strip()));
    } catch (NumberFormatException e) {
      return result;
    }
    for (long pid : tree) {
      try (Stream<Path> tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
        tasks.forEach(
            t -> {
              String[] f = statFields(read(t.resolve("stat")));
              if (f != null) {
                String group = THREAD_GROUPS.apply(read(t.resolve("comm")).strip());
                result.merge(group, ticks(f) / TICKS_PER_SECOND, Double::sum);
              }
            });
      } catch (IOException e) {
        // the process ended meanwhile
      }
    }
    return result;
  }

  /** What each server (or thread group) used between two readings, as a line. */
  static String difference(Map<String, Double> before, Map<String, Double> after, double wall) {
    StringBuilder line = new StringBuilder();
    for (var e : after.entrySet()) {
      double used = e.getValue() - before.getOrDefault(e.getKey(), 0.0);
      line.append(
          String.format("%s %.1f s (%.0f%% of a core)  ", e.getKey(), used, 100 * used / wall));
    }
    return line.toString().strip();
  }

  /** Every process's parent and CPU ticks at one moment. */
  private record Processes(Map<Long, Long> parents, Map<Long, Long> ticks) {

    static Processes read() {
      Processes all = new Processes(new HashMap<>(), new HashMap<>());
      try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
        procs
            .filter(p -> p.getFileName().toString().matches("\\d+"))
            .forEach(
                p -> {
                  String[] f = statFields(StackCpu.read(p.resolve("stat")));
                  if (f != null) {
                    long pid = Long.parseLong(p.getFileName().toString());
                    all.parents.put(pid, Long.parseLong(f[1]));
                    all.ticks.put(pid, StackCpu.ticks(f));
                  }
                });
      } catch (IOException e) {
        // no /proc: no figures
      }
      return all;
    }

    /** The process and all its descendants. */
    List<Long> tree(long root) {
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
    }
  }

  /** The fields after the command name (which may contain spaces): state(0) ppid(1) … */
  private static String[] statFields(String stat) {
    int close = stat.lastIndexOf(')');
    return close < 0 ? null : stat.substring(close + 2).split(" ");
  }

  /** utime(11) + stime(12). */
  private static long ticks(String[] fields) {
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return "";
    }
  }
}
