package dev.pyrofn.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Paths of the repository, found from the module directory Maven runs the tests in. */
final class Repo {
  private static final Path ROOT = findRoot();

  private Repo() {
  }

  static Path root() {
    return ROOT;
  }

  static Path deploy(String relative) {
    return ROOT.resolve("deploy").resolve(relative);
  }

  static Path file(String relative) {
    return ROOT.resolve(relative);
  }

  private static Path findRoot() {
    Path dir = Paths.get("").toAbsolutePath();
    while (dir != null) {
      if (Files.isDirectory(dir.resolve("deploy")) && Files.exists(dir.resolve("pom.xml"))) {
        return dir;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException("no repository root (a folder with deploy/ and pom.xml) above "
        + Paths.get("").toAbsolutePath());
  }
}
