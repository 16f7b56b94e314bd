package dev.pyrofn.deploy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** An external command run to completion with a deadline; stdout and stderr merged. */
final class Command {
  /** Exit status and merged output of a finished command. */
  static final class Result {
    final int exitCode;
    final String output;

    Result(int exitCode, String output) {
      this.exitCode = exitCode;
      this.output = output;
    }

    @Override
    public String toString() {
      return "exit " + exitCode + ":\n" + output;
    }
  }

  private Command() {
  }

  static Result run(List<String> argv, Map<String, String> env, long timeoutSeconds) {
    return runIn(Repo.root(), argv, env, timeoutSeconds);
  }

  /** Runs in {@code directory}: the runbook's commands are written to be run from deploy/. */
  static Result runIn(Path directory, List<String> argv, Map<String, String> env, long timeoutSeconds) {
    ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(true).directory(directory.toFile());
    builder.environment().putAll(env);
    try {
      Process process = builder.start();
      process.getOutputStream().close();
      OutputReader reader = new OutputReader(process.getInputStream());
      reader.start();
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        throw new AssertionError(argv + " did not finish within " + timeoutSeconds + " s:\n" + reader.text());
      }
      reader.join(TimeUnit.SECONDS.toMillis(10));
      return new Result(process.exitValue(), reader.text());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + argv, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static Result run(List<String> argv, long timeoutSeconds) {
    return run(argv, Map.of(), timeoutSeconds);
  }

  static Result run(String... argv) {
    return run(Arrays.asList(argv), 120);
  }

  /**
   * The absolute path of {@code tool} on PATH; fails the test, saying how to install it, when it is absent. The
   * tests prove the stack with these real tools and never pass silently without them.
   */
  static String require(String tool, String debianPackage) {
    String found = find(tool);
    if (found == null) {
      throw new AssertionError(tool + " is not installed: `apt-get update && apt-get install -y " + debianPackage
          + "` (.ci/run does this before the build)");
    }
    return found;
  }

  /** The absolute path of {@code tool} on PATH, or null. */
  static String find(String tool) {
    String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
    List<String> dirs = new ArrayList<>(Arrays.asList(path.split(":")));
    dirs.add("/usr/bin");
    for (String dir : dirs) {
      Path candidate = Paths.get(dir.isEmpty() ? "." : dir, tool);
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    return null;
  }

  /** Drains a process's output on its own thread so a chatty command cannot block on a full pipe. */
  private static final class OutputReader extends Thread {
    private final InputStream in;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

    OutputReader(InputStream in) {
      super("command-output");
      this.in = in;
      setDaemon(true);
    }

    @Override
    public void run() {
      byte[] chunk = new byte[8192];
      try {
        for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
          synchronized (buffer) {
            buffer.write(chunk, 0, n);
          }
        }
      } catch (IOException e) {
        // the process ended; what was read is kept
      }
    }

    String text() {
      synchronized (buffer) {
        return new String(buffer.toByteArray(), StandardCharsets.UTF_8);
      }
    }
  }
}
