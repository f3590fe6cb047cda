package org.wenjin.persistence.migration;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A real PostgreSQL server for a test: Debian's binaries (package postgresql), a fresh cluster in a
 * temporary folder, on 127.0.0.1 and a free port, TCP only, stopped by the process the test
 * started. PostgreSQL refuses to run as root, so as root it runs as 'nobody'.
 */
final class LocalPostgres implements AutoCloseable {

  static final String OWNER = "wenjin_owner";
  static final String PASSWORD = "test-only-password";

  private final Path folder;
  private final int port;
  private final Process server;

  private LocalPostgres(Path folder, int port, Process server) {
    this.folder = folder;
    this.port = port;
    this.server = server;
  }

  /** Creates a cluster whose superuser is {@link #OWNER}, with a database {@code wenjin}. */
  static LocalPostgres start() throws IOException, InterruptedException, SQLException {
    Path bin = binaries();
    Path folder = Files.createTempDirectory("wenjin-pg");
    Path data = folder.resolve("data");
    Path passwordFile = folder.resolve("password");
    Files.writeString(passwordFile, PASSWORD + "\n");
    if (root()) {
      run(List.of("chown", "-R", "65534:65534", folder.toString()));
    }
    run(
        asServerUser(
            bin.resolve("initdb").toString(),
            "-D",
            data.toString(),
            "-U",
            OWNER,
            "--pwfile=" + passwordFile,
            "--auth=scram-sha-256",
            "-E",
            "UTF8",
            "--locale=C.UTF-8"));
    int port = freePort();
    Process server =
        new ProcessBuilder(
                asServerUser(
                    bin.resolve("postgres").toString(),
                    "-D",
                    data.toString(),
                    "-c",
                    "listen_addresses=127.0.0.1",
                    "-c",
                    "port=" + port,
                    "-c",
                    "unix_socket_directories=",
                    "-c",
                    "fsync=off"))
            .redirectErrorStream(true)
            .redirectOutput(folder.resolve("server.log").toFile())
            .start();
    LocalPostgres postgres = new LocalPostgres(folder, port, server);
    Runtime.getRuntime().addShutdownHook(new Thread(server::destroy)); // if the test JVM dies
    try {
      postgres.awaitReady();
      try (Connection c = postgres.connect("postgres", OWNER, PASSWORD);
          Statement s = c.createStatement()) {
        s.execute("CREATE DATABASE wenjin");
      }
      return postgres;
    } catch (SQLException | RuntimeException e) {
      postgres.close();
      throw e;
    }
  }

  /** The newest of Debian's installed versions, or WENJIN_PG_BIN. */
  private static Path binaries() throws IOException {
    String configured = System.getenv("WENJIN_PG_BIN");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    Path installed = Path.of("/usr/lib/postgresql");
    if (Files.isDirectory(installed)) {
      try (Stream<Path> versions = Files.list(installed)) {
        var newest =
            versions
                .filter(v -> Files.isExecutable(v.resolve("bin/postgres")))
                .max(Comparator.comparingInt(v -> Integer.parseInt(v.getFileName().toString())));
        if (newest.isPresent()) {
          return newest.get().resolve("bin");
        }
      }
    }
    throw new IllegalStateException(
        "PostgreSQL is not installed: the migrations are tested on it (Debian: apt-get install"
            + " postgresql; or set WENJIN_PG_BIN to its bin folder)");
  }

  private static boolean root() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static List<String> asServerUser(String... command) {
    List<String> line = new ArrayList<>();
    if (root()) {
      line.addAll(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"));
    }
    line.addAll(List.of(command));
    return line;
  }

  private static void run(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    if (process.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private void awaitReady() throws InterruptedException, IOException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (true) {
      try (Connection ignored = connect("postgres", OWNER, PASSWORD)) {
        return;
      } catch (SQLException notYet) {
        if (!server.isAlive() || Instant.now().isAfter(deadline)) {
          throw new IllegalStateException(
              "PostgreSQL did not start:\n" + Files.readString(folder.resolve("server.log")));
        }
        Thread.sleep(200);
      }
    }
  }

  Connection connect(String database, String user, String password) throws SQLException {
    return DriverManager.getConnection(url(database), user, password);
  }

  PGSimpleDataSource dataSource(String user, String password) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(url("wenjin"));
    ds.setUser(user);
    ds.setPassword(password);
    return ds;
  }

  private String url(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  /**
   * Stops the server it started (SIGTERM: once the test's connections are closed) and removes its
   * folder.
   */
  @Override
  public void close() {
    server.destroy();
    try {
      if (!server.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
        server.destroyForcibly().waitFor();
      }
      try (Stream<Path> files = Files.walk(folder)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // a temporary folder left behind is harmless
    }
  }
}
