package org.wenjin.e2e;

import static java.nio.file.attribute.PosixFilePermission.GROUP_EXECUTE;
import static java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The running stack's secrets, data (the app's H2 database, Keycloak's, Elasticsearch's) and logs
 * are readable by their owner alone. Only where Elasticsearch, running as 'nobody' under root, must
 * pass through (the stack, data and logs folders themselves) may others have the execute bit:
 * passing through, never listing or reading.
 */
class StackFilesAtRestIT {

  private static final Set<PosixFilePermission> NOT_FOR_OTHERS =
      EnumSet.complementOf(
          EnumSet.of(
              PosixFilePermission.OWNER_READ,
              PosixFilePermission.OWNER_WRITE,
              PosixFilePermission.OWNER_EXECUTE));

  @Test
  void theSecretsFolderAndFilesAreTheOwnersAlone() throws Exception {
    Path secrets = Stack.DIR.resolve("secrets");

    assertThat(PosixFilePermissions.toString(permissions(secrets))).isEqualTo("rwx------");
    assertThat(PosixFilePermissions.toString(permissions(secrets.resolve("stack.env"))))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(permissions(secrets.resolve("wildfly.properties"))))
        .isEqualTo("rw-------");
  }

  @Test
  void dataSecretsAndLogsHaveNoPermissionForGroupOrOthers() throws Exception {
    List<String> exposed = new ArrayList<>();
    Path stack = Stack.DIR.toRealPath();
    Set<Path> passages = Set.of(stack, stack.resolve("data"), stack.resolve("logs"));
    checkPassage(stack, exposed);
    List<Path> roots = new ArrayList<>();
    roots.add(stack.resolve("secrets"));
    roots.add(stack.resolve("data"));
    roots.add(stack.resolve("logs"));
    roots.add(stack.resolve("run"));
    try (DirectoryStream<Path> keycloak = Files.newDirectoryStream(stack, "keycloak-*")) {
      keycloak.forEach(home -> roots.add(home.resolve("data")));
    }
    Path relocated = stack.resolve("elasticsearch-files"); // Elasticsearch's folder in /var/tmp
    if (Files.isSymbolicLink(relocated)) {
      Path base = relocated.toRealPath();
      assertThat(permissions(base)).as(base.toString()).doesNotContainAnyElementsOf(NOT_FOR_OTHERS);
      roots.add(base.resolve("data"));
      roots.add(base.resolve("logs"));
    }

    for (Path root : roots) {
      if (Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
        walk(root, passages, exposed);
      }
    }

    assertThat(exposed).as("files and folders others may read or change").isEmpty();
  }

  private static void walk(Path root, Set<Path> passages, List<String> exposed) throws IOException {
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            if (passages.contains(dir)) {
              checkPassage(dir, exposed);
            } else {
              check(dir, exposed);
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (!attrs.isSymbolicLink()) {
              check(file, exposed);
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            // Elasticsearch and H2 create and delete files while the stack runs
            return FileVisitResult.CONTINUE;
          }
        });
  }

  private static void check(Path path, List<String> exposed) {
    Set<PosixFilePermission> granted = permissionsIfPresent(path);
    if (granted != null && granted.stream().anyMatch(NOT_FOR_OTHERS::contains)) {
      exposed.add(PosixFilePermissions.toString(granted) + " " + path);
    }
  }

  /** A folder Elasticsearch passes through as 'nobody': at most the execute bit for others. */
  private static void checkPassage(Path dir, List<String> exposed) {
    Set<PosixFilePermission> granted = permissionsIfPresent(dir);
    if (granted == null) {
      return;
    }
    Set<PosixFilePermission> beyond = EnumSet.copyOf(NOT_FOR_OTHERS);
    beyond.removeAll(EnumSet.of(GROUP_EXECUTE, OTHERS_EXECUTE));
    if (granted.stream().anyMatch(beyond::contains)) {
      exposed.add(PosixFilePermissions.toString(granted) + " " + dir);
    }
  }

  private static Set<PosixFilePermission> permissionsIfPresent(Path path) {
    try {
      return permissions(path);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Set<PosixFilePermission> permissions(Path path) throws IOException {
    return Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
  }
}
