package dev.pyrofn.bank.profiling;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Folds the CPU samples ({@code jdk.ExecutionSample}) of agent snapshots into collapsed stacks, root first, one
 * {@code frame;frame;frame count} line per distinct stack. Java frames use the slash form Pyroscope stores
 * ({@code java/util/regex/Pattern.compile}); native frames, which have no class, keep their bare symbol.
 *
 * <pre>java -cp bank-demo.jar dev.pyrofn.bank.profiling.JfrToCollapsed out.collapsed a.jfr b.jfr ...</pre>
 */
public final class JfrToCollapsed {
  private JfrToCollapsed() {
  }

  /** async-profiler names a native frame's owner after its library: {@code libjvm.so}, {@code libc.so.6}. */
  private static final Pattern SHARED_LIBRARY = Pattern.compile(".+\\.so(\\.\\d+)*");

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: JfrToCollapsed <out.collapsed> <snapshot.jfr>...");
      System.exit(2);
      return;
    }
    Map<String, Long> stacks = new TreeMap<>();
    for (int i = 1; i < args.length; i++) {
      fold(Paths.get(args[i]), stacks);
    }
    try (PrintStream out = new PrintStream(Files.newOutputStream(Paths.get(args[0])), false,
        StandardCharsets.UTF_8.name())) {
      stacks.forEach((stack, count) -> out.println(stack + " " + count));
    }
  }

  /** Adds every CPU sample of one recording to {@code stacks} (collapsed stack to sample count). */
  static void fold(Path recording, Map<String, Long> stacks) {
    try (RecordingFile file = new RecordingFile(recording)) {
      while (file.hasMoreEvents()) {
        RecordedEvent event = file.readEvent();
        if ("jdk.ExecutionSample".equals(event.getEventType().getName()) && event.getStackTrace() != null) {
          stacks.merge(collapse(event.getStackTrace()), 1L, Long::sum);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + recording, e);
    }
  }

  static String collapse(RecordedStackTrace trace) {
    List<RecordedFrame> frames = trace.getFrames();
    StringBuilder stack = new StringBuilder();
    for (int i = frames.size() - 1; i >= 0; i--) {
      if (stack.length() > 0) {
        stack.append(';');
      }
      stack.append(frameName(frames.get(i)));
    }
    return stack.toString();
  }

  /**
   * Java frames in Pyroscope's slash form ({@code java/util/regex/Pattern.compile}); native frames keep their
   * library prefix as Pyroscope stores it ({@code libjvm.so.CompileBroker::compiler_thread_loop}).
   */
  static String frameName(RecordedFrame frame) {
    RecordedMethod method = frame.getMethod();
    String type = method.getType() == null ? "" : method.getType().getName();
    String name = method.getName();
    if (type.isEmpty()) {
      return name;
    }
    return isNativeLibrary(frame.getType(), type) ? type + "." + name : type.replace('.', '/') + "." + name;
  }

  static boolean isNativeLibrary(String frameType, String owner) {
    return "C++".equals(frameType) || "Kernel".equals(frameType) || SHARED_LIBRARY.matcher(owner).matches();
  }
}
