package dev.pyrofn.bank.common;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** The metric contract (metric-contract.txt): the names and labels that alerts and dashboards may rely on. */
public final class MetricContract {
  public static final String RESOURCE = "/dev/pyrofn/bank/metric-contract.txt";

  /** One contracted metric: its exported name and the labels its series carry. */
  public static final class Entry {
    private final String name;
    private final List<String> labels;

    Entry(String name, List<String> labels) {
      this.name = name;
      this.labels = Collections.unmodifiableList(new ArrayList<>(labels));
    }

    public String name() {
      return name;
    }

    public List<String> labels() {
      return labels;
    }

    @Override
    public String toString() {
      return name + labels;
    }
  }

  private MetricContract() {
  }

  public static List<Entry> load() {
    try (InputStream in = MetricContract.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      }
      return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + RESOURCE, e);
    }
  }

  static List<Entry> parse(BufferedReader reader) throws IOException {
    List<Entry> entries = new ArrayList<>();
    String line;
    while ((line = reader.readLine()) != null) {
      String trimmed = line.trim();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      String[] parts = trimmed.split("\\s+");
      List<String> labels = parts.length > 1 ? Arrays.asList(parts[1].split(",")) : Collections.emptyList();
      entries.add(new Entry(parts[0], labels));
    }
    return Collections.unmodifiableList(entries);
  }
}
