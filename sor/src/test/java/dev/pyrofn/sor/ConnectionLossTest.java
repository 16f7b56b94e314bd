package dev.pyrofn.sor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyrofn.runtime.testing.Http;
import dev.pyrofn.runtime.testing.RunningFunction;
import dev.pyrofn.sor.baseline.BaselineVerticle;
import dev.pyrofn.sor.history.HistoryVerticle;
import dev.pyrofn.sor.testing.TestDatabase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL goes away while writes are in flight, first by SIGKILL of the server processes serving the SORs (the
 * postmaster then resets every connection) and then by a stop: every write is answered 201/200 or 503, never 500,
 * and every acknowledged write is stored exactly once.
 */
class ConnectionLossTest {
  private static final int WRITERS = 8;

  @Test
  void connectionsLostMidStatementAre503AndNoAcknowledgedWriteIsLost() throws Exception {
    TestDatabase db = TestDatabase.get();
    Assumptions.assumeTrue(db.canStopAndStart(), "needs the embedded PostgreSQL (TEST_DB_HOST is set)");
    db.reset();
    try (RunningFunction history = RunningFunction.start(HistoryVerticle.SPEC, db.env());
        RunningFunction baselines = RunningFunction.start(BaselineVerticle.SPEC, db.env())) {
      Http historyHttp = history.http();
      Http baselineHttp = baselines.http();
      Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
      Set<String> acknowledged = ConcurrentHashMap.newKeySet();
      List<String> unexpected = new ArrayList<>();
      AtomicBoolean running = new AtomicBoolean(true);
      List<Thread> writers = new ArrayList<>();
      for (int w = 0; w < WRITERS; w++) {
        int writer = w;
        Thread thread = new Thread(() -> {
          for (int i = 0; running.get(); i++) {
            boolean toHistory = writer % 2 == 0;
            String key = "w" + writer + "-" + i;
            HttpResponse<Buffer> response = toHistory
                ? historyHttp.post("/history", record(key))
                : baselineHttp.post("/baselines", baseline(key));
            statuses.computeIfAbsent(response.statusCode(), s -> new AtomicInteger()).incrementAndGet();
            if (response.statusCode() == 201 || response.statusCode() == 200) {
              if (toHistory) {
                acknowledged.add(key);
              }
            } else if (response.statusCode() != 503) {
              synchronized (unexpected) {
                unexpected.add(response.statusCode() + " " + response.bodyAsString());
              }
            }
          }
        });
        thread.start();
        writers.add(thread);
      }
      awaitWrites(acknowledged, 40);
      killServerProcesses(db);
      Thread.sleep(3_000);
      db.stop();
      Thread.sleep(2_000);
      db.start();
      Thread.sleep(3_000);
      running.set(false);
      for (Thread thread : writers) {
        thread.join(60_000);
      }

      System.out.printf("connection loss: answers by status %s, %d acknowledged History writes%n",
          new TreeMap<>(statuses), acknowledged.size());
      assertThat(unexpected).as("statuses %s", new TreeMap<>(statuses)).isEmpty();
      assertThat(statuses.get(503)).as("the outage was seen").isNotNull();
      assertThat(acknowledged).hasSizeGreaterThan(10);
      Map<String, Integer> stored = storedRequestIds(db);
      for (String key : acknowledged) {
        assertThat(stored.get(key)).as("rows for acknowledged write %s", key).isEqualTo(1);
      }
    }
  }

  private static void awaitWrites(Set<String> acknowledged, int count) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 30_000;
    while (acknowledged.size() < count && System.currentTimeMillis() < deadline) {
      Thread.sleep(50);
    }
    assertThat(acknowledged).as("writes before the outage").hasSizeGreaterThanOrEqualTo(count);
  }

  /** SIGKILL of every client backend: what {@code kill -9} of PostgreSQL's server processes does to clients. */
  private static void killServerProcesses(TestDatabase db) throws SQLException {
    List<Long> pids = new ArrayList<>();
    try (Connection connection = db.connect(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT pid FROM pg_stat_activity WHERE backend_type = "
            + "'client backend' AND pid <> pg_backend_pid()")) {
      while (rows.next()) {
        pids.add(rows.getLong(1));
      }
    }
    assertThat(pids).as("server processes of the SORs' pools").isNotEmpty();
    for (long pid : pids) {
      ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    }
  }

  private static Map<String, Integer> storedRequestIds(TestDatabase db) throws SQLException {
    Map<String, Integer> counts = new TreeMap<>();
    try (Connection connection = db.connect(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT request_id, count(*) FROM triage_history GROUP BY 1")) {
      while (rows.next()) {
        counts.put(rows.getString(1), rows.getInt(2));
      }
    }
    return counts;
  }

  private static JsonObject record(String requestId) {
    return new JsonObject().put("appName", "outage").put("diagnosis", "gc_pressure").put("severity", "low")
        .put("requestId", requestId);
  }

  private static JsonObject baseline(String key) {
    return new JsonObject().put("appName", "outage").put("profileType", "cpu").put("functionName", "f-" + key)
        .put("maxSelfPercent", 10.0).put("createdBy", "outage-test");
  }
}
