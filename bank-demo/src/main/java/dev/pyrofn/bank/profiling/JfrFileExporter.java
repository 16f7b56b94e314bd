package dev.pyrofn.bank.profiling;

import io.pyroscope.javaagent.Snapshot;
import io.pyroscope.javaagent.api.Exporter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each agent snapshot (a complete JFR recording with CPU, allocation and lock events) to
 * {@code <dir>/<app>-<startMillis>-<seq>.jfr}. The file appears atomically (temp file + move) so a reader never sees
 * a half-written recording.
 */
public final class JfrFileExporter implements Exporter {
  private static final Logger LOG = LoggerFactory.getLogger(JfrFileExporter.class);

  private final Path directory;
  private final String applicationName;
  private final AtomicInteger sequence = new AtomicInteger();

  private JfrFileExporter(Path directory, String applicationName) {
    this.directory = directory;
    this.applicationName = applicationName;
  }

  public static JfrFileExporter create(Path directory, String applicationName) {
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create PROFILE_DIR " + directory, e);
    }
    return new JfrFileExporter(directory, applicationName);
  }

  @Override
  public void export(Snapshot snapshot) {
    String name = String.format("%s-%d-%04d.jfr", applicationName, snapshot.started.toEpochMilli(),
        sequence.incrementAndGet());
    Path target = directory.resolve(name);
    try {
      Path temp = Files.createTempFile(directory, name, ".part");
      Files.write(temp, snapshot.data);
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      LOG.debug("wrote snapshot {} ({} bytes)", target, snapshot.data.length);
    } catch (IOException e) {
      LOG.warn("could not write snapshot {}", target, e);
    }
  }

  @Override
  public void stop() {
    LOG.info("profile exporter for {} stopped after {} snapshots", applicationName, sequence.get());
  }
}
