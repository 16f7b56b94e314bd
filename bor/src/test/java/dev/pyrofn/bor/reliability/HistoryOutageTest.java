package dev.pyrofn.bor.reliability;

import static dev.pyrofn.bor.testing.BorStack.WINDOW;
import static dev.pyrofn.runtime.testing.PyroscopeStub.CPU;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pyrofn.bor.testing.BorStack;
import dev.pyrofn.bor.testing.Profiles;
import dev.pyrofn.bor.triage.TriageVerticle;
import dev.pyrofn.runtime.testing.FreePort;
import dev.pyrofn.runtime.testing.Http;
import dev.pyrofn.sor.testing.TestDatabase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The audit trail across a database outage: PostgreSQL stops for 10 s under Triage v2 load. Every answered
 * assessment ends up with exactly one History row (or is counted as dropped), writes resume as soon as the
 * database is back although the breaker's open time is ten minutes, and {@code HISTORY_REQUIRED=true} refuses to
 * hand out an unrecorded diagnosis.
 */
class HistoryOutageTest {
  private static final int CLIENTS = 4;

  @RegisterExtension
  static final BorStack STACK = new BorStack();

  @BeforeEach
  void script() {
    STACK.pyroscope().profile("checkout", CPU, Profiles.compilingRegexes());
  }

  @Test
  void everyAnsweredAssessmentHasExactlyOneHistoryRowAfterA10SecondOutage() throws Exception {
    TestDatabase db = TestDatabase.get();
    Assumptions.assumeTrue(db.canStopAndStart(), "needs the embedded PostgreSQL (TEST_DB_HOST is set)");
    Http triage = STACK.bor(TriageVerticle.SPEC_V2, Map.of("UPSTREAM_BREAKER_OPEN_MS", "600000",
        "HISTORY_RETRY_INTERVAL_MS", "200"));
    Map<String, JsonObject> answered = new ConcurrentHashMap<>();
    Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    List<Long> recordedAfterRecovery = new ArrayList<>();
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicBoolean recovered = new AtomicBoolean();
    List<Thread> clients = new ArrayList<>();
    long[] restartedAt = new long[1];
    for (int c = 0; c < CLIENTS; c++) {
      int client = c;
      Thread thread = new Thread(() -> {
        for (int i = 0; running.get(); i++) {
          String requestId = "outage-" + client + "-" + i;
          HttpResponse<Buffer> response = triage.get("/triage/checkout?" + WINDOW, Map.of("X-Request-Id",
              requestId));
          statuses.computeIfAbsent(response.statusCode(), s -> new AtomicInteger()).incrementAndGet();
          if (response.statusCode() == 200) {
            JsonObject body = response.bodyAsJsonObject();
            answered.put(requestId, body);
            if (recovered.get() && body.containsKey("historyId")) {
              synchronized (recordedAfterRecovery) {
                recordedAfterRecovery.add(System.currentTimeMillis() - restartedAt[0]);
              }
            }
          }
        }
      });
      thread.start();
      clients.add(thread);
    }
    Thread.sleep(3_000);
    db.stop();
    try {
      Thread.sleep(10_000);
    } finally {
      db.start();
    }
    restartedAt[0] = System.currentTimeMillis();
    recovered.set(true);
    Thread.sleep(5_000);
    running.set(false);
    for (Thread thread : clients) {
      thread.join(60_000);
    }
    double pending = awaitNoPending(triage);
    double dropped = metric(triage, "pyrofn_history_dropped_total");

    long pendingAnswers = answered.values().stream().filter(b -> b.getBoolean("historyPending", false)).count();
    Map<String, Integer> rows = historyRows();
    List<String> wrong = new ArrayList<>();
    for (String requestId : answered.keySet()) {
      Integer count = rows.get("triage-" + requestId);
      if (count == null || count != 1) {
        wrong.add(requestId + " has " + count + " rows");
      }
    }
    System.out.printf("history outage: %d answered (%s by status), %d answered historyPending, %d rows, "
        + "pending after drain %.0f, dropped %.0f, first recorded answer %s ms after restart%n", answered.size(),
        statuses, pendingAnswers, rows.size(), pending, dropped,
        recordedAfterRecovery.isEmpty() ? "never" : recordedAfterRecovery.get(0));
    assertThat(statuses.keySet()).as("every assessment answered").containsOnly(200);
    assertThat(pendingAnswers).as("answers given during the outage").isPositive();
    assertThat(pending).isZero();
    assertThat(dropped).isZero();
    assertThat(wrong).isEmpty();
    assertThat(rows).hasSameSizeAs(answered);
    assertThat(recordedAfterRecovery).as("writes resume before the 10-minute open time ends").isNotEmpty();
    assertThat(recordedAfterRecovery.get(0)).isLessThan(4_000L);
  }

  @Test
  void historyRequiredRefusesAnUnrecordedDiagnosis() {
    Http required = STACK.bor(TriageVerticle.SPEC_V2, Map.of("HISTORY_URL", FreePort.deadUrl(),
        "HISTORY_REQUIRED", "true"));

    HttpResponse<Buffer> response = required.get("/triage/checkout?" + WINDOW);

    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(503);
    assertThat(response.bodyAsJsonObject().getString("code")).isEqualTo("UPSTREAM_UNAVAILABLE");
    assertThat(response.bodyAsJsonObject().getString("error")).contains("HISTORY_REQUIRED");
  }

  @Test
  void aFailedWriteIsPendingAndCountedUntilTheQueueIsFullThenDroppedAndCounted() {
    Map<String, String> env = new HashMap<>();
    env.put("HISTORY_URL", FreePort.deadUrl());
    env.put("HISTORY_QUEUE_MAX", "2");
    env.put("HISTORY_RETRY_INTERVAL_MS", "600000");
    Http triage = STACK.bor(TriageVerticle.SPEC_V2, env);

    List<JsonObject> answers = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      answers.add(triage.ok("/triage/checkout?" + WINDOW));
    }

    assertThat(answers.get(0).getBoolean("historyPending")).isTrue();
    assertThat(answers.get(1).getBoolean("historyPending")).isTrue();
    assertThat(answers.get(2).getBoolean("historyPending")).isFalse();
    assertThat(answers.get(2).getString("historyError")).contains("History SOR");
    assertThat(metric(triage, "pyrofn_history_pending")).isEqualTo(2.0);
    assertThat(metric(triage, "pyrofn_history_dropped_total")).isEqualTo(1.0);
  }

  private static double awaitNoPending(Http triage) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 30_000;
    double pending = metric(triage, "pyrofn_history_pending");
    while (pending > 0 && System.currentTimeMillis() < deadline) {
      Thread.sleep(200);
      pending = metric(triage, "pyrofn_history_pending");
    }
    return pending;
  }

  /** The value of an unlabelled metric in the function's Prometheus text. */
  static double metric(Http function, String name) {
    String text = function.get("/metrics").bodyAsString();
    for (String line : text.split("\n")) {
      if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    throw new AssertionError("no metric " + name + " in /metrics");
  }

  private static Map<String, Integer> historyRows() throws SQLException {
    Map<String, Integer> counts = new HashMap<>();
    try (Connection connection = TestDatabase.get().connect(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT request_id, count(*) FROM triage_history "
            + "WHERE request_id LIKE 'triage-outage-%' GROUP BY 1")) {
      while (rows.next()) {
        counts.put(rows.getString(1), rows.getInt(2));
      }
    }
    return counts;
  }
}
