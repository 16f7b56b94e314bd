package dev.pyrofn.runtime.function;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyrofn.runtime.http.ApiException;
import dev.pyrofn.runtime.http.Responses;
import dev.pyrofn.runtime.testing.Http;
import dev.pyrofn.runtime.testing.RunningFunction;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The routes every function serves, on a tiny function built for the test. */
class FunctionVerticleTest {
  private static final AtomicBoolean DEPENDENCY_UP = new AtomicBoolean(true);
  private static RunningFunction function;
  private static Http http;

  static final class EchoFunction extends FunctionVerticle {
    EchoFunction(FunctionContext context) {
      super(context);
    }

    @Override
    protected void mountRoutes(Router router) {
      router.get("/items/:id").handler(ctx -> Responses.ok(ctx, new JsonObject().put("id", ctx.pathParam("id"))));
      router.post("/items").handler(ctx -> Responses.created(ctx, ctx.body().asJsonObject()));
      router.get("/boom").handler(ctx -> {
        throw new IllegalStateException("SELECT secret FROM users");
      });
      router.get("/teapot").handler(ctx -> ctx.fail(ApiException.badRequest("pot", "'pot' is a teapot")));
    }

    @Override
    protected List<ReadinessCheck> readinessChecks() {
      return Collections.singletonList(ReadinessCheck.of("dependency",
          () -> DEPENDENCY_UP.get() ? Future.succeededFuture() : Future.failedFuture("dependency refused")));
    }
  }

  @BeforeAll
  static void start() {
    FunctionSpec spec = FunctionSpec.of("Echo.test.v1", FunctionSpec.Layer.BOR, 8080, EchoFunction::new);
    function = RunningFunction.start(spec, Collections.singletonMap("MAX_BODY_BYTES", "2048"));
    http = function.http();
  }

  @AfterAll
  static void stop() {
    function.close();
  }

  @Test
  void healthNamesTheFunction() {
    JsonObject health = http.get("/health").bodyAsJsonObject();
    assertThat(health.getString("status")).isEqualTo("UP");
    assertThat(health.getString("function")).isEqualTo("Echo.test.v1");
  }

  @Test
  void readyReportsWhichCheckFailed() {
    assertThat(http.get("/ready").statusCode()).isEqualTo(200);
    DEPENDENCY_UP.set(false);
    try {
      HttpResponse<Buffer> down = http.get("/ready");
      assertThat(down.statusCode()).isEqualTo(503);
      assertThat(down.bodyAsJsonObject().getJsonObject("checks").getString("dependency"))
          .isEqualTo("DOWN: dependency refused");
    } finally {
      DEPENDENCY_UP.set(true);
    }
  }

  @Test
  void metricsArePrometheusTextLabelledByRouteTemplate() {
    http.get("/items/17");
    http.get("/items/18");
    String metrics = http.get("/metrics").bodyAsString();
    assertThat(metrics).contains("# TYPE vertx_http_server_requests_total counter");
    assertThat(metrics).contains("route=\"/items/:id\"").doesNotContain("/items/17");
    assertThat(metrics).contains("vertx_http_server_response_time_seconds_bucket");
    assertThat(metrics).contains("jvm_memory_used_bytes");
    assertThat(metrics.lines().filter(line -> line.startsWith("vertx_http_server_requests_total")))
        .as("server meters must not carry the caller's address").isNotEmpty()
        .noneMatch(line -> line.contains("remote="));
  }

  @Test
  void unexpectedFailureIsABare500WithoutDetails() {
    HttpResponse<Buffer> response = http.get("/boom");
    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.bodyAsJsonObject().getString("code")).isEqualTo("INTERNAL_ERROR");
    assertThat(response.bodyAsString()).doesNotContain("SELECT").doesNotContain("IllegalState");
  }

  @Test
  void apiExceptionsKeepStatusCodeAndField() {
    JsonObject error = http.get("/teapot").bodyAsJsonObject();
    assertThat(error.getString("code")).isEqualTo("INVALID_PARAMETER");
    assertThat(error.getString("field")).isEqualTo("pot");
  }

  @Test
  void oversizedBodyIs413Json() {
    HttpResponse<Buffer> response = http.send(HttpMethod.POST, "/items", "application/json",
        "{\"x\":\"" + "y".repeat(4096) + "\"}");
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.bodyAsJsonObject().getString("code")).isEqualTo("PAYLOAD_TOO_LARGE");
  }

  @Test
  void unknownRouteAndMissingOpenApiAre404() {
    assertThat(http.get("/nope").bodyAsJsonObject().getString("code")).isEqualTo("NOT_FOUND");
    assertThat(http.get("/openapi.yaml").statusCode()).isEqualTo(404);
  }
}
