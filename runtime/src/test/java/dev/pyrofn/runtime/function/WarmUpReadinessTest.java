package dev.pyrofn.runtime.function;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyrofn.runtime.http.Responses;
import dev.pyrofn.runtime.testing.Http;
import dev.pyrofn.runtime.testing.RunningFunction;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import java.util.Collections;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;

/** {@code /ready} stays DOWN while the function's warm-up runs; {@code /health} and the routes answer meanwhile. */
class WarmUpReadinessTest {

  static final class SlowToWarmFunction extends FunctionVerticle {
    static final CountDownLatch RELEASE = new CountDownLatch(1);
    static volatile boolean warmedOnWorker;

    SlowToWarmFunction(FunctionContext context) {
      super(context);
    }

    @Override
    protected void mountRoutes(Router router) {
      router.get("/ping").handler(ctx -> Responses.ok(ctx, new JsonObject().put("pong", true)));
    }

    @Override
    protected Optional<IntConsumer> warmUpRound() {
      return Optional.of(round -> {
        warmedOnWorker = Thread.currentThread().getName().contains("worker");
        try {
          RELEASE.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
    }
  }

  @Test
  void readinessWaitsForTheWarmUpAndThenAnswersAsBefore() throws Exception {
    FunctionSpec spec = FunctionSpec.of("SlowToWarm.test.v1", FunctionSpec.Layer.BOR, 8080, SlowToWarmFunction::new);
    try (RunningFunction function = RunningFunction.start(spec, Collections.emptyMap())) {
      Http http = new Http(function.client());

      HttpResponse<Buffer> warming = http.get("/ready");
      assertThat(warming.statusCode()).isEqualTo(503);
      assertThat(warming.bodyAsJsonObject().getJsonObject("checks").getString("warmUp"))
          .isEqualTo("DOWN: warming up");
      assertThat(http.get("/health").statusCode()).isEqualTo(200);
      assertThat(http.get("/ping").bodyAsJsonObject().getBoolean("pong")).isTrue();

      SlowToWarmFunction.RELEASE.countDown();
      HttpResponse<Buffer> ready = awaitReady(http);
      assertThat(ready.statusCode()).isEqualTo(200);
      assertThat(ready.bodyAsJsonObject().getJsonObject("checks").fieldNames()).doesNotContain("warmUp");
      assertThat(SlowToWarmFunction.warmedOnWorker).isTrue();
    }
  }

  private static HttpResponse<Buffer> awaitReady(Http http) throws InterruptedException {
    HttpResponse<Buffer> last = http.get("/ready");
    for (int i = 0; i < 100 && last.statusCode() != 200; i++) {
      Thread.sleep(50);
      last = http.get("/ready");
    }
    return last;
  }
}
