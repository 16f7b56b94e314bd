package dev.pyrofn.runtime.config;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Read-only view of the process environment with typed, validated accessors.
 *
 * <p>Every accessor either returns a valid value or throws {@link ConfigException} with one line naming the
 * variable, so a misconfigured function stops at start-up instead of failing on the first request. Blank values
 * count as unset.
 */
public final class Env {
  private final Map<String, String> values;

  private Env(Map<String, String> values) {
    this.values = Collections.unmodifiableMap(new HashMap<>(values));
  }

  public static Env system() {
    return new Env(System.getenv());
  }

  public static Env of(Map<String, String> values) {
    return new Env(values);
  }

  /** A copy of this environment with some variables added or replaced. */
  public Env with(Map<String, String> overrides) {
    Map<String, String> merged = new HashMap<>(values);
    merged.putAll(overrides);
    return new Env(merged);
  }

  public Optional<String> optional(String name) {
    String value = values.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  public String required(String name) {
    return optional(name).orElseThrow(() -> new ConfigException(name + " is required but not set"));
  }

  public String string(String name, String defaultValue) {
    return optional(name).orElse(defaultValue);
  }

  public int integer(String name, int defaultValue, int min, int max) {
    Optional<String> raw = optional(name);
    if (raw.isEmpty()) {
      return defaultValue;
    }
    int value;
    try {
      value = Integer.parseInt(raw.get());
    } catch (NumberFormatException e) {
      throw new ConfigException(name + " must be an integer, got '" + raw.get() + "'");
    }
    if (value < min || value > max) {
      throw new ConfigException(name + " must be between " + min + " and " + max + ", got " + value);
    }
    return value;
  }

  public long longValue(String name, long defaultValue, long min, long max) {
    Optional<String> raw = optional(name);
    if (raw.isEmpty()) {
      return defaultValue;
    }
    long value;
    try {
      value = Long.parseLong(raw.get());
    } catch (NumberFormatException e) {
      throw new ConfigException(name + " must be an integer, got '" + raw.get() + "'");
    }
    if (value < min || value > max) {
      throw new ConfigException(name + " must be between " + min + " and " + max + ", got " + value);
    }
    return value;
  }

  public double decimal(String name, double defaultValue, double min, double max) {
    Optional<String> raw = optional(name);
    if (raw.isEmpty()) {
      return defaultValue;
    }
    double value;
    try {
      value = Double.parseDouble(raw.get());
    } catch (NumberFormatException e) {
      throw new ConfigException(name + " must be a number, got '" + raw.get() + "'");
    }
    if (Double.isNaN(value) || value < min || value > max) {
      throw new ConfigException(name + " must be between " + min + " and " + max + ", got " + raw.get());
    }
    return value;
  }

  public boolean bool(String name, boolean defaultValue) {
    Optional<String> raw = optional(name);
    if (raw.isEmpty()) {
      return defaultValue;
    }
    switch (raw.get().toLowerCase(Locale.ROOT)) {
      case "true":
      case "yes":
      case "1":
        return true;
      case "false":
      case "no":
      case "0":
        return false;
      default:
        throw new ConfigException(name + " must be true or false, got '" + raw.get() + "'");
    }
  }

  /** A comma-separated list with blanks dropped; empty when unset. */
  public List<String> list(String name) {
    return optional(name)
        .map(raw -> Arrays.stream(raw.split(",")).map(String::trim).filter(s -> !s.isEmpty())
            .collect(Collectors.toList()))
        .orElse(Collections.emptyList());
  }

  /** An http(s) URL without a trailing slash; empty when unset or blank. */
  public Optional<String> url(String name) {
    Optional<String> raw = optional(name);
    if (raw.isEmpty()) {
      return raw;
    }
    String value = raw.get();
    if (!value.startsWith("http://") && !value.startsWith("https://")) {
      throw new ConfigException(name + " must be an http:// or https:// URL, got '" + value + "'");
    }
    while (value.endsWith("/")) {
      value = value.substring(0, value.length() - 1);
    }
    return Optional.of(value);
  }
}
