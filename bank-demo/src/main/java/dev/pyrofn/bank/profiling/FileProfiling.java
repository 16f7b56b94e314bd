package dev.pyrofn.bank.profiling;

import io.pyroscope.http.Format;
import io.pyroscope.javaagent.EventType;
import io.pyroscope.javaagent.PyroscopeAgent;
import io.pyroscope.javaagent.config.Config;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * File mode for machines without a Pyroscope server: the real agent is started in-process and every snapshot it
 * would upload is written as a .jfr file instead. Other PYROSCOPE_* settings from the environment still apply;
 * the ones that make the demo's profiles (format, alloc, lock, labels) are forced here.
 */
public final class FileProfiling {
  private static final Logger LOG = LoggerFactory.getLogger(FileProfiling.class);
  static final String ALLOC_THRESHOLD = "512k";
  static final String LOCK_THRESHOLD = "10ms";

  private FileProfiling() {
  }

  /** Starts the agent writing into {@code directory}; PROFILE_INTERVAL (e.g. {@code 5s}) sets the snapshot length. */
  public static void start(String applicationName, Path directory, Map<String, String> env) {
    Duration interval = parseInterval(env.getOrDefault("PROFILE_INTERVAL", "10s"));
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("env", env.getOrDefault("BANK_ENV", "demo"));
    labels.put("service", applicationName);
    // The agent's own defaults are read from env/system properties first; naming the application there keeps it
    // from inventing a random name (and logging about it) before ours is applied.
    if (System.getProperty("pyroscope.application.name") == null) {
      System.setProperty("pyroscope.application.name", applicationName);
    }
    Config config = Config.build().newBuilder()
        .setApplicationName(applicationName)
        .setFormat(Format.JFR)
        .setProfilingEvent(EventType.ITIMER)
        .setProfilingAlloc(ALLOC_THRESHOLD)
        .setProfilingLock(LOCK_THRESHOLD)
        .setUploadInterval(interval)
        .setLabels(labels)
        .build();
    JfrFileExporter exporter = JfrFileExporter.create(directory, applicationName);
    PyroscopeAgent.start(new PyroscopeAgent.Options.Builder(config).setExporter(exporter).build());
    LOG.info("profiling {} into {} every {}s (cpu itimer, alloc {}, lock {})", applicationName, directory,
        interval.getSeconds(), ALLOC_THRESHOLD, LOCK_THRESHOLD);
  }

  /** Accepts {@code <n>s} or {@code <n>ms}, 1 s to 10 min. */
  static Duration parseInterval(String raw) {
    String value = raw.trim();
    Duration interval;
    try {
      interval = value.endsWith("ms")
          ? Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)))
          : Duration.ofSeconds(Long.parseLong(value.endsWith("s") ? value.substring(0, value.length() - 1) : value));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("PROFILE_INTERVAL must look like 10s or 5000ms, got '" + raw + "'", e);
    }
    if (interval.compareTo(Duration.ofSeconds(1)) < 0 || interval.compareTo(Duration.ofMinutes(10)) > 0) {
      throw new IllegalArgumentException("PROFILE_INTERVAL must be between 1s and 10m, got '" + raw + "'");
    }
    return interval;
  }
}
