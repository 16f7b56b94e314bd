package dev.pyrofn.analysis.diff.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * A recording as collapsed stacks ({@code root;...;leaf -> value}), with the operations the diff corpus builds its
 * cases from. Immutable: every operation returns a new instance.
 *
 * <p>{@code unit} is the value of one sample: 1 for sample counts (cpu, wall, lock), a byte or nanosecond weight
 * for value profiles. Splitting draws whole samples, so both halves stay multiples of the unit, as real
 * recordings are.
 */
final class Stacks {
  private final Map<String, Long> values;
  private final long unit;

  private Stacks(Map<String, Long> values, long unit) {
    this.values = Collections.unmodifiableMap(values);
    this.unit = unit;
  }

  static Stacks read(Path file, long unit) {
    try {
      Map<String, Long> values = new LinkedHashMap<>();
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        String trimmed = line.trim();
        int space = trimmed.lastIndexOf(' ');
        if (space <= 0) {
          continue;
        }
        long value = Long.parseLong(trimmed.substring(space + 1));
        // Round value profiles to whole samples of the chosen unit so splitting stays exact.
        long samples = Math.max(1, Math.round((double) value / unit));
        values.merge(trimmed.substring(0, space), samples * unit, Long::sum);
      }
      return new Stacks(values, unit);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  long unit() {
    return unit;
  }

  Map<String, Long> values() {
    return values;
  }

  long total() {
    long sum = 0;
    for (long v : values.values()) {
      sum += v;
    }
    return sum;
  }

  /** Two halves by sampling: each sample lands in the first half with probability {@code p}. */
  Stacks[] split(Random random, double p) {
    Map<String, Long> first = new LinkedHashMap<>();
    Map<String, Long> second = new LinkedHashMap<>();
    for (Map.Entry<String, Long> e : values.entrySet()) {
      long samples = e.getValue() / unit;
      long kept = binomial(random, samples, p);
      put(first, e.getKey(), kept * unit);
      put(second, e.getKey(), (samples - kept) * unit);
    }
    return new Stacks[] {new Stacks(first, unit), new Stacks(second, unit)};
  }

  /** Keeps each sample with probability {@code p} (a lighter load with the same shape). */
  Stacks thinned(Random random, double p) {
    return split(random, p)[0];
  }

  /** Every value in another unit: {@code factor} per sample (e.g. 10,000,000 ns per 10 ms CPU sample). */
  Stacks inUnitsOf(long factor) {
    return new Stacks(times(factor).values, unit * factor);
  }

  /** Every value multiplied by a whole factor (a heavier load with the same shape). */
  Stacks times(long factor) {
    Map<String, Long> scaled = new LinkedHashMap<>();
    values.forEach((stack, v) -> put(scaled, stack, v * factor));
    return new Stacks(scaled, unit);
  }

  /** The same shape scaled to about {@code target} in total, in whole samples. */
  Stacks scaledTo(long target) {
    double factor = (double) target / total();
    Map<String, Long> scaled = new LinkedHashMap<>();
    values.forEach((stack, v) -> put(scaled, stack, Math.round(v * factor / unit) * unit));
    return new Stacks(scaled, unit);
  }

  Stacks plus(Stacks other) {
    Map<String, Long> sum = new LinkedHashMap<>(values);
    other.values.forEach((stack, v) -> sum.merge(stack, v, Long::sum));
    return new Stacks(sum, unit);
  }

  /** Stacks of this recording whose frames contain {@code frame}, cut so they start at its first occurrence. */
  Stacks subtreeAt(String frame) {
    Map<String, Long> cut = new LinkedHashMap<>();
    values.forEach((stack, v) -> {
      String[] frames = stack.split(";");
      for (int i = 0; i < frames.length; i++) {
        if (frames[i].equals(frame)) {
          put(cut, String.join(";", java.util.Arrays.copyOfRange(frames, i, frames.length)), v);
          return;
        }
      }
    });
    return new Stacks(cut, unit);
  }

  /** Every stack placed under {@code prefix} (a path of frames). */
  Stacks under(String prefix) {
    Map<String, Long> moved = new LinkedHashMap<>();
    values.forEach((stack, v) -> put(moved, prefix + ";" + stack, v));
    return new Stacks(moved, unit);
  }

  /** The stacks whose leaf is {@code function}. */
  Stacks leafStacksOf(String function) {
    Map<String, Long> leaves = new LinkedHashMap<>();
    values.forEach((stack, v) -> {
      if (stack.endsWith(";" + function) || stack.equals(function)) {
        put(leaves, stack, v);
      }
    });
    return new Stacks(leaves, unit);
  }

  /** Every frame renamed (as a redeploy renumbers generated classes). */
  Stacks renamed(UnaryOperator<String> frameName) {
    Map<String, Long> renamed = new LinkedHashMap<>();
    values.forEach((stack, v) -> {
      String[] frames = stack.split(";");
      for (int i = 0; i < frames.length; i++) {
        frames[i] = frameName.apply(frames[i]);
      }
      renamed.merge(String.join(";", frames), v, Long::sum);
    });
    return new Stacks(renamed, unit);
  }

  /**
   * The path to the most-sampled frame matching {@code frame}: the prefix of the heaviest stack that holds one,
   * through its last matching frame.
   */
  String pathThrough(Predicate<String> frame) {
    String best = null;
    long bestValue = -1;
    for (Map.Entry<String, Long> e : values.entrySet()) {
      String[] frames = e.getKey().split(";");
      for (int i = frames.length - 1; i >= 0; i--) {
        if (frame.test(frames[i])) {
          if (e.getValue() > bestValue) {
            bestValue = e.getValue();
            best = String.join(";", java.util.Arrays.copyOfRange(frames, 0, i + 1));
          }
          break;
        }
      }
    }
    if (best == null) {
      throw new IllegalStateException("no frame matches in the recording");
    }
    return best;
  }

  /** Inclusive value of each function (a stack counts once per function, even when it recurses). */
  Map<String, Long> inclusive() {
    Map<String, Long> incl = new LinkedHashMap<>();
    values.forEach((stack, v) -> {
      Set<String> seen = new HashSet<>();
      for (String frame : stack.split(";")) {
        if (seen.add(frame)) {
          incl.merge(frame, v, Long::sum);
        }
      }
    });
    return incl;
  }

  /** Self value of each function. */
  Map<String, Long> self() {
    Map<String, Long> self = new LinkedHashMap<>();
    values.forEach((stack, v) -> self.merge(stack.substring(stack.lastIndexOf(';') + 1), v, Long::sum));
    return self;
  }

  Set<String> frames() {
    return inclusive().keySet();
  }

  String toCollapsed() {
    StringBuilder text = new StringBuilder();
    values.forEach((stack, v) -> text.append(stack).append(' ').append(v).append('\n'));
    return text.toString();
  }

  private static void put(Map<String, Long> map, String stack, long value) {
    if (value > 0) {
      map.merge(stack, value, Long::sum);
    }
  }

  private static long binomial(Random random, long n, double p) {
    if (n > 200) {
      double mean = n * p;
      double sd = Math.sqrt(n * p * (1 - p));
      return Math.max(0, Math.min(n, Math.round(mean + sd * random.nextGaussian())));
    }
    long k = 0;
    for (long i = 0; i < n; i++) {
      if (random.nextDouble() < p) {
        k++;
      }
    }
    return k;
  }
}
