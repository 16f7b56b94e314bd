package dev.pyrofn.sor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyrofn.runtime.testing.Http;
import dev.pyrofn.runtime.testing.RunningFunction;
import dev.pyrofn.sor.history.HistoryVerticle;
import dev.pyrofn.sor.testing.TestDatabase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The database goes away mid-test and comes back: 503 while down, service resumes, no acknowledged write lost. */
class PoolRecoveryTest {
  @Test
  void answers503WhileTheDatabaseIsDownAndRecoversWithoutLosingWrites() {
    TestDatabase db = TestDatabase.get();
    Assumptions.assumeTrue(db.canStopAndStart(), "needs the embedded PostgreSQL (TEST_DB_HOST is set)");
    db.reset();
    try (RunningFunction history = RunningFunction.start(HistoryVerticle.SPEC, db.env())) {
      Http http = history.http();
      Set<Long> acknowledged = new HashSet<>();
      acknowledged.addAll(write(http, 5, "before"));

      db.stop();
      try {
        HttpResponse<Buffer> read = http.get("/history/recovery");
        assertThat(read.statusCode()).isEqualTo(503);
        assertThat(read.bodyAsJsonObject().getString("code")).isEqualTo("UPSTREAM_UNAVAILABLE");
        assertThat(read.bodyAsString()).doesNotContainIgnoringCase("select").doesNotContain("Exception");
        HttpResponse<Buffer> write = http.post("/history", record("during"));
        assertThat(write.statusCode()).isEqualTo(503);
        assertThat(http.get("/ready").statusCode()).isEqualTo(503);
        assertThat(http.get("/health").statusCode()).isEqualTo(200);
      } finally {
        db.start();
      }

      acknowledged.addAll(write(http, 5, "after"));
      assertThat(http.get("/ready").statusCode()).isEqualTo(200);
      JsonObject page = http.get("/history/recovery?limit=100").bodyAsJsonObject();
      Set<Long> stored = new HashSet<>();
      page.getJsonArray("history").forEach(row -> stored.add(((JsonObject) row).getLong("id")));
      assertThat(stored).containsAll(acknowledged);
      assertThat(acknowledged).hasSize(10);
    }
  }

  private static List<Long> write(Http http, int count, String phase) {
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      HttpResponse<Buffer> response = http.post("/history", record(phase + "-" + i));
      assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
      ids.add(response.bodyAsJsonObject().getLong("id"));
    }
    return ids;
  }

  private static JsonObject record(String requestId) {
    return new JsonObject().put("appName", "recovery").put("diagnosis", "gc_pressure").put("severity", "low")
        .put("requestId", requestId);
  }
}
