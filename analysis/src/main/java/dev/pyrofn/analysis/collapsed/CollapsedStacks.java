package dev.pyrofn.analysis.collapsed;

import dev.pyrofn.analysis.callsite.AppFrames;
import dev.pyrofn.analysis.callsite.CallerEdges;
import dev.pyrofn.analysis.callsite.FrameKind;
import dev.pyrofn.analysis.decode.DecodedProfile;
import dev.pyrofn.analysis.profile.CallGraph;
import dev.pyrofn.analysis.profile.FunctionTable;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads collapsed stacks ({@code root;child;leaf <count>} per line, as async-profiler and the Pyroscope agent's
 * bundled profiler write them) into a {@link FunctionTable}.
 *
 * <p>Self is the count of lines whose leaf is the function; total counts each line once per function even when the
 * function recurses, matching Grafana's top table. The count is the text after the last space, so frame names may
 * contain spaces (C++ templates do). A first frame like {@code [main tid=1]} is a thread name written by
 * async-profiler's {@code threads} option, not a function, and is skipped.
 */
public final class CollapsedStacks {
  private CollapsedStacks() {}

  public static FunctionTable parse(String text) {
    return read(new StringReader(text));
  }

  public static FunctionTable read(Path file) {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read collapsed stacks " + file, e);
    }
  }

  /**
   * The caller → callee edges of collapsed stacks (see {@link CallGraph}): a line adds its count to each edge of
   * its stack once, and not to an edge whose callee already appears above it (recursion counted once).
   */
  public static CallGraph parseCalls(String text) {
    CallGraph.Builder calls = CallGraph.builder();
    int lineNumber = 0;
    for (String raw : text.split("\n")) {
      lineNumber++;
      String line = raw.trim();
      if (line.isEmpty()) {
        continue;
      }
      int space = line.lastIndexOf(' ');
      if (space <= 0) {
        throw new IllegalArgumentException("line " + lineNumber + ": expected '<stack> <count>'");
      }
      long count = Accumulator.parseCount(line.substring(space + 1), lineNumber);
      Set<String> above = new HashSet<>();
      Set<String> counted = new HashSet<>();
      String caller = null;
      String[] frames = line.substring(0, space).trim().split(";");
      for (int i = 0; i < frames.length; i++) {
        String frame = frames[i].trim();
        if (frame.isEmpty() || (i == 0 && Accumulator.isThreadName(frame))) {
          continue;
        }
        if (caller != null && !above.contains(frame) && counted.add(caller + ';' + frame)) {
          calls.add(caller, frame, count);
        }
        above.add(frame);
        caller = frame;
      }
    }
    return calls.build();
  }

  public static FunctionTable read(Reader reader) {
    return accumulate(reader, new Accumulator(null)).toTable();
  }

  /**
   * The table and the caller edges of the stacks ({@link DecodedProfile#callSites()}), with {@code appFrames}
   * deciding which frames are application code, by the same rules as the flame-graph decoder.
   */
  public static DecodedProfile readWithCallSites(Path file, AppFrames appFrames) {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return accumulate(reader, new Accumulator(appFrames)).toProfile();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read collapsed stacks " + file, e);
    }
  }

  public static DecodedProfile parseWithCallSites(String text, AppFrames appFrames) {
    return accumulate(new StringReader(text), new Accumulator(appFrames)).toProfile();
  }

  private static Accumulator accumulate(Reader reader, Accumulator acc) {
    BufferedReader lines = reader instanceof BufferedReader ? (BufferedReader) reader : new BufferedReader(reader);
    try {
      String line;
      int lineNumber = 0;
      while ((line = lines.readLine()) != null) {
        lineNumber++;
        acc.addLine(line.trim(), lineNumber);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read collapsed stacks", e);
    }
    return acc;
  }

  /** Names interned to dense ints; {@code seenOnLine[id]} stamps the last line that counted the id's total. */
  private static final class Accumulator {
    private final AppFrames appFrames;
    private final CallerEdges edges;
    private final List<FrameKind> kinds = new ArrayList<>();
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> names = new ArrayList<>();
    private long[] self = new long[64];
    private long[] total = new long[64];
    private int[] seenOnLine = new int[64];
    private long rootTotal;
    private int lines;

    Accumulator(AppFrames appFrames) {
      this.appFrames = appFrames;
      this.edges = appFrames == null ? null : new CallerEdges();
    }

    void addLine(String line, int lineNumber) {
      if (line.isEmpty()) {
        return;
      }
      int space = line.lastIndexOf(' ');
      if (space <= 0) {
        throw new IllegalArgumentException("line " + lineNumber + ": expected '<stack> <count>'");
      }
      long count = parseCount(line.substring(space + 1), lineNumber);
      String[] frames = line.substring(0, space).trim().split(";");
      int leaf = -1;
      // Call sites: the nearest application frame above the current frame (or a marker), and the parent's id.
      int above = CallerEdges.NO_CALLER;
      int here = CallerEdges.NO_CALLER;
      int parent = -1;
      for (int i = 0; i < frames.length; i++) {
        String frame = frames[i].trim();
        if (frame.isEmpty() || (i == 0 && isThreadName(frame))) {
          continue;
        }
        int id = idOf(frame);
        boolean outermost = seenOnLine[id] != lineNumber;
        leaf = countTotal(frame, count, lineNumber);
        if (edges != null) {
          above = here;
          FrameKind kind = kinds.get(leaf);
          here = kind == FrameKind.APPLICATION ? leaf : kind == FrameKind.IDLE ? CallerEdges.IDLE : above;
          if (outermost && count > 0) {
            edges.addTotal(leaf, above, count, above >= 0 && parent == above && kind != FrameKind.APPLICATION);
          }
          parent = leaf;
        }
      }
      if (leaf >= 0) {
        self[leaf] += count;
        rootTotal += count;
        lines++;
        if (edges != null && count > 0) {
          edges.addSelf(leaf, here, count);
        }
      }
    }

    private int countTotal(String frame, long count, int lineNumber) {
      int id = idOf(frame);
      if (seenOnLine[id] != lineNumber) {
        seenOnLine[id] = lineNumber;
        total[id] += count;
      }
      return id;
    }

    private int idOf(String name) {
      Integer known = ids.get(name);
      if (known != null) {
        return known;
      }
      int id = names.size();
      ids.put(name, id);
      names.add(name);
      if (appFrames != null) {
        kinds.add(appFrames.kindOf(name));
      }
      if (id == self.length) {
        self = Arrays.copyOf(self, id * 2);
        total = Arrays.copyOf(total, id * 2);
        seenOnLine = Arrays.copyOf(seenOnLine, id * 2);
      }
      return id;
    }

    FunctionTable toTable() {
      return FunctionTable.fromArrays(rootTotal, names.toArray(new String[0]), self, total, names.size());
    }

    DecodedProfile toProfile() {
      return DecodedProfile.of(toTable(), null, 0, lines, edges.build(names::get, rootTotal));
    }

    private static boolean isThreadName(String frame) {
      return frame.length() > 1 && frame.charAt(0) == '[' && frame.charAt(frame.length() - 1) == ']';
    }

    private static long parseCount(String text, int lineNumber) {
      try {
        long count = Long.parseLong(text);
        if (count < 0) {
          throw new IllegalArgumentException("line " + lineNumber + ": negative count " + text);
        }
        return count;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("line " + lineNumber + ": count is not a number: '" + text + "'", e);
      }
    }
  }
}
