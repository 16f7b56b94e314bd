package dev.pyrofn.runtime.function;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyrofn.runtime.http.Responses;
import dev.pyrofn.runtime.testing.RunningFunction;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Undeploying a function lets the requests it already accepted finish, then closes its dependencies. */
class GracefulShutdownTest {
  private static final CountDownLatch REQUEST_ARRIVED = new CountDownLatch(1);
  private static final AtomicBoolean DEPENDENCIES_CLOSED_EARLY = new AtomicBoolean();
  private static final AtomicBoolean RESPONDED = new AtomicBoolean();

  static final class SlowFunction extends FunctionVerticle {
    SlowFunction(FunctionContext context) {
      super(context);
    }

    @Override
    protected void mountRoutes(Router router) {
      router.get("/slow").handler(ctx -> {
        REQUEST_ARRIVED.countDown();
        vertx.setTimer(500, id -> {
          RESPONDED.set(true);
          Responses.ok(ctx, new JsonObject().put("finished", true));
        });
      });
    }

    @Override
    protected Future<?> stopDependencies() {
      DEPENDENCIES_CLOSED_EARLY.set(!RESPONDED.get());
      return Future.succeededFuture();
    }
  }

  @Test
  void inFlightRequestCompletesBeforeDependenciesClose() throws Exception {
    FunctionSpec spec = FunctionSpec.of("Slow.test.v1", FunctionSpec.Layer.BOR, 8080, SlowFunction::new);
    RunningFunction function = RunningFunction.start(spec, Collections.emptyMap());
    CompletableFuture<HttpResponse<String>> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .build().sendAsync(
        HttpRequest.newBuilder(URI.create(function.baseUrl() + "/slow")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(REQUEST_ARRIVED.await(10, TimeUnit.SECONDS)).isTrue();

    function.close();

    HttpResponse<String> answer = response.get(10, TimeUnit.SECONDS);
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).contains("\"finished\":true");
    assertThat(DEPENDENCIES_CLOSED_EARLY.get()).as("dependencies closed before the in-flight request ended")
        .isFalse();
  }
}
