package dev.pyrofn.bank.load;

import dev.pyrofn.bank.BankServices;
import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Command line of the load generator, validated and capped so a typo cannot turn it into a stress test:
 * {@code --duration 60s --rate 50 --concurrency 32 --targets order=http://127.0.0.1:8081,http://127.0.0.1:8084}.
 * A target without {@code name=} is named by its port (8080-8086 are the estate's default ports).
 */
public final class LoadOptions {
  static final Duration MAX_DURATION = Duration.ofHours(1);
  static final int MAX_RATE = 500;
  static final int MAX_CONCURRENCY = 256;
  static final Duration MAX_PROGRESS_EVERY = Duration.ofMinutes(1);

  private final Duration duration;
  private final int rate;
  private final int concurrency;
  private final Duration progressEvery;
  private final Map<String, URI> targets;

  private LoadOptions(Duration duration, int rate, int concurrency, Duration progressEvery, Map<String, URI> targets) {
    this.duration = duration;
    this.rate = rate;
    this.concurrency = concurrency;
    this.progressEvery = progressEvery;
    this.targets = Collections.unmodifiableMap(new LinkedHashMap<>(targets));
  }

  /** Parses the arguments; throws IllegalArgumentException naming the bad option. */
  public static LoadOptions parse(String... args) {
    Duration duration = Duration.ofSeconds(60);
    int rate = 50;
    int concurrency = 32;
    Duration progressEvery = Duration.ofSeconds(5);
    Map<String, URI> targets = defaultTargets();
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      String value = args[++i];
      switch (option) {
        case "--duration":
          duration = boundedDuration("--duration", value, MAX_DURATION);
          break;
        case "--rate":
          rate = boundedInt("--rate", value, MAX_RATE);
          break;
        case "--concurrency":
          concurrency = boundedInt("--concurrency", value, MAX_CONCURRENCY);
          break;
        case "--progress":
          progressEvery = boundedDuration("--progress", value, MAX_PROGRESS_EVERY);
          break;
        case "--targets":
          targets = parseTargets(value);
          break;
        default:
          throw new IllegalArgumentException("unknown option " + option
              + " (known: --duration, --rate, --concurrency, --progress, --targets)");
      }
    }
    return new LoadOptions(duration, rate, concurrency, progressEvery, targets);
  }

  public Duration duration() {
    return duration;
  }

  public int rate() {
    return rate;
  }

  public int concurrency() {
    return concurrency;
  }

  public Duration progressEvery() {
    return progressEvery;
  }

  /** Service name to base URL, in the order given. */
  public Map<String, URI> targets() {
    return targets;
  }

  static Map<String, URI> defaultTargets() {
    Map<String, URI> targets = new LinkedHashMap<>();
    BankServices.all().forEach((name, spec) -> targets.put(name, URI.create("http://127.0.0.1:" + spec.defaultPort())));
    return targets;
  }

  private static Map<String, URI> parseTargets(String value) {
    Map<String, URI> targets = new LinkedHashMap<>();
    for (String item : value.split(",")) {
      String trimmed = item.trim();
      int equals = trimmed.indexOf('=');
      URI uri = parseUri(equals < 0 ? trimmed : trimmed.substring(equals + 1));
      String name = equals < 0 ? serviceForPort(uri) : trimmed.substring(0, equals);
      if (LoadPlan.forService(name) == null) {
        throw new IllegalArgumentException("--targets: unknown service '" + name + "' (known: "
            + String.join(", ", BankServices.all().keySet()) + ")");
      }
      targets.put(name, uri);
    }
    return targets;
  }

  private static URI parseUri(String raw) {
    URI uri;
    try {
      uri = URI.create(raw);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--targets: '" + raw + "' is not a URL", e);
    }
    if (!"http".equals(uri.getScheme()) || uri.getHost() == null || uri.getPort() <= 0) {
      throw new IllegalArgumentException("--targets: '" + raw + "' must look like http://host:port");
    }
    return uri;
  }

  private static String serviceForPort(URI uri) {
    for (Map.Entry<String, BankServices.Spec> entry : BankServices.all().entrySet()) {
      if (entry.getValue().defaultPort() == uri.getPort()) {
        return entry.getKey();
      }
    }
    throw new IllegalArgumentException("--targets: cannot tell the service of " + uri
        + " from its port; write name=" + uri);
  }

  private static int boundedInt(String option, String value, int max) {
    int parsed;
    try {
      parsed = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " must be an integer, got '" + value + "'", e);
    }
    if (parsed < 1 || parsed > max) {
      throw new IllegalArgumentException(option + " must be between 1 and " + max + ", got " + parsed);
    }
    return parsed;
  }

  /** {@code 90s}, {@code 2m}, {@code 1500ms} or a bare number of seconds. */
  private static Duration boundedDuration(String option, String value, Duration max) {
    Duration parsed;
    try {
      if (value.endsWith("ms")) {
        parsed = Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
      } else if (value.endsWith("m")) {
        parsed = Duration.ofMinutes(Long.parseLong(value.substring(0, value.length() - 1)));
      } else {
        parsed = Duration.ofSeconds(Long.parseLong(value.endsWith("s") ? value.substring(0, value.length() - 1)
            : value));
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " must look like 60s, 2m or 1500ms, got '" + value + "'", e);
    }
    if (parsed.toMillis() < 100 || parsed.compareTo(max) > 0) {
      throw new IllegalArgumentException(option + " must be between 100ms and " + max.getSeconds() + "s");
    }
    return parsed;
  }
}
