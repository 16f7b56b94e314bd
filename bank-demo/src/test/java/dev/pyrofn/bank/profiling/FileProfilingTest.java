package dev.pyrofn.bank.profiling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyrofn.bank.BankMain;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Pyroscope agent in file mode, in a child JVM running bank-order-service: its snapshots are JFR recordings with
 * CPU samples, allocation samples and monitor (lock) events.
 */
class FileProfilingTest {
  private static final Pattern LISTENING = Pattern.compile("listening on port (\\d+)");
  private static final Set<String> EXPECTED = Set.of("jdk.ExecutionSample", "jdk.ObjectAllocationInNewTLAB",
      "jdk.JavaMonitorEnter");
  /** Load keeps coming until the snapshots hold what is expected, or this long: a quiet machine is fast. */
  private static final int MAX_SECONDS = 60;

  @TempDir
  Path profiles;

  @Test
  void snapshotsHoldCpuAllocationAndLockEvents() throws Exception {
    Process service = startProfiledOrderService();
    try {
      int port = awaitPort(service);
      Set<String> seen = new TreeSet<>();
      HttpClient client = HttpClient.newHttpClient();
      boolean validateSampled = false;
      // Snapshots arrive every second: load continues until one holds every event type and the planted frames.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(MAX_SECONDS);
      while (System.nanoTime() < deadline && !(seen.containsAll(EXPECTED) && validateSampled)) {
        contendedRound(client, port);
        seen.addAll(eventTypes(profiles));
        validateSampled = cpuStacks(profiles).stream().anyMatch(FileProfilingTest::isPlantedRegexStack);
      }

      assertThat(seen).containsAll(EXPECTED);
      assertThat(cpuStacks(profiles)).anySatisfy(stack -> assertThat(isPlantedRegexStack(stack)).as(stack).isTrue());
      assertThat(cpuStacks(profiles)).as("native library names keep their dots (libjvm.so., not libjvm/so.)")
          .noneMatch(stack -> stack.contains("/so."));
      assertThat(Files.list(profiles).map(p -> p.getFileName().toString()).collect(Collectors.toList()))
          .allSatisfy(name -> assertThat(name).matches("(bank-order-service-\\d+-\\d{4}\\.jfr|.*\\.part)"));
    } finally {
      service.destroy();
      assertThat(service.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void intervalsOutsideOneSecondToTenMinutesAreRejected() {
    assertThat(FileProfiling.parseInterval("1500ms").toMillis()).isEqualTo(1500);
    assertThat(FileProfiling.parseInterval("10s").getSeconds()).isEqualTo(10);
    assertThat(FileProfiling.parseInterval("10").getSeconds()).isEqualTo(10);
    assertThatThrownBy(() -> FileProfiling.parseInterval("0s")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("between");
    assertThatThrownBy(() -> FileProfiling.parseInterval("601s")).hasMessageContaining("between");
    assertThatThrownBy(() -> FileProfiling.parseInterval("soon")).hasMessageContaining("PROFILE_INTERVAL");
  }

  private Process startProfiledOrderService() throws IOException {
    ProcessBuilder builder = new ProcessBuilder(System.getProperty("java.home") + "/bin/java", "-Xmx256m",
        "-cp", System.getProperty("java.class.path"), BankMain.class.getName());
    builder.environment().put("SERVICE", "order");
    builder.environment().put("PORT", "0");
    builder.environment().put("PROFILE_DIR", profiles.toString());
    builder.environment().put("PROFILE_INTERVAL", "1s");
    builder.redirectErrorStream(true);
    return builder.start();
  }

  /** Reads the child's log until it reports its port; the rest of the log is drained in the background. */
  private static int awaitPort(Process service) throws Exception {
    BufferedReader reader = new BufferedReader(new InputStreamReader(service.getInputStream(),
        StandardCharsets.UTF_8));
    CompletableFuture<Integer> port = CompletableFuture.supplyAsync(() -> {
      try {
        String line;
        while ((line = reader.readLine()) != null) {
          Matcher matcher = LISTENING.matcher(line);
          if (matcher.find()) {
            return Integer.parseInt(matcher.group(1));
          }
        }
        throw new IllegalStateException("the service exited before listening");
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    });
    int bound = port.get(60, TimeUnit.SECONDS);
    Thread drain = new Thread(() -> reader.lines().forEach(line -> { }), "child-log-drain");
    drain.setDaemon(true);
    drain.start();
    return bound;
  }

  /** Three concurrent batches queue on the order service's shared monitor; a validation burns CPU meanwhile. */
  private static void contendedRound(HttpClient client, int port) throws Exception {
    List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      calls.add(client.sendAsync(post(port, "/orders/process?batch=2000"), HttpResponse.BodyHandlers.ofString()));
    }
    calls.add(client.sendAsync(post(port, "/orders/validate?count=2000"), HttpResponse.BodyHandlers.ofString()));
    for (CompletableFuture<HttpResponse<String>> call : calls) {
      assertThat(call.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    }
  }

  private static HttpRequest post(int port, String uri) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + uri))
        .timeout(Duration.ofSeconds(60))
        .POST(HttpRequest.BodyPublishers.noBody())
        .build();
  }

  /** The CPU samples folded the way record-corpus.sh does it: root first, slash form. */
  private static Set<String> cpuStacks(Path directory) throws IOException {
    Map<String, Long> stacks = new TreeMap<>();
    try (Stream<Path> listing = Files.list(directory)) {
      listing.filter(p -> p.toString().endsWith(".jfr")).forEach(p -> JfrToCollapsed.fold(p, stacks));
    }
    return stacks.keySet();
  }

  private static Set<String> eventTypes(Path directory) throws IOException {
    Set<String> types = new TreeSet<>();
    List<Path> files;
    try (Stream<Path> listing = Files.list(directory)) {
      files = listing.filter(p -> p.toString().endsWith(".jfr")).collect(Collectors.toList());
    }
    for (Path file : files) {
      for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
        types.add(event.getEventType().getName());
      }
    }
    return types;
  }

  private static boolean isPlantedRegexStack(String stack) {
    return stack.contains("dev/pyrofn/bank/order/OrderWork.validate;") && stack.contains("java/util/regex/Pattern.");
  }
}
