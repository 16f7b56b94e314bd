package dev.pyrofn.runtime.function;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyrofn.runtime.http.Responses;
import dev.pyrofn.runtime.testing.RawHttp;
import dev.pyrofn.runtime.testing.RunningFunction;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.util.Collections;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Requests the HTTP server or the router refuse before any route runs are answered in the error model too,
 * {@code {error, code}} as JSON with the right status, and so are path and query values no route could address.
 */
class MalformedRequestTest {
  private static RunningFunction function;
  private static RawHttp raw;

  static final class AppFunction extends FunctionVerticle {
    AppFunction(FunctionContext context) {
      super(context);
    }

    @Override
    protected void mountRoutes(Router router) {
      router.get("/profiles/:app/types").handler(ctx -> Responses.ok(ctx, new JsonObject()
          .put("app", ctx.pathParam("app")).put("route", "types")));
      router.get("/profiles/:app").handler(ctx -> Responses.ok(ctx, new JsonObject()
          .put("app", ctx.pathParam("app")).put("apps", ctx.queryParams().get("apps"))));
    }
  }

  @BeforeAll
  static void start() {
    FunctionSpec spec = FunctionSpec.of("App.test.v1", FunctionSpec.Layer.SOR, 8080, AppFunction::new);
    function = RunningFunction.start(spec, Collections.emptyMap());
    raw = RawHttp.to(function.baseUrl());
  }

  @AfterAll
  static void stop() {
    function.close();
  }

  @Test
  void badPercentEncodingIsJson400NamingTheParameter() {
    RawHttp.Answer answer = raw.get("/profiles/%zz");
    assertError(answer, 400);
    assertThat(answer.json().getString("field")).isEqualTo("app");
  }

  @Test
  void badPercentEncodingInTheQueryIsJson400NamingTheParameter() {
    RawHttp.Answer answer = raw.get("/profiles/checkout?apps=a%zzb");
    assertError(answer, 400);
    assertThat(answer.json().getString("field")).isEqualTo("apps");
  }

  @Test
  void anOverLongUriIsJson414() {
    assertError(raw.get("/profiles/" + "a".repeat(5000)), 414);
  }

  @Test
  void anOverLongHeaderIsJson431() {
    assertError(raw.get("/profiles/checkout", "X-Big: " + "b".repeat(9000)), 431);
  }

  @Test
  void controlCharactersInAHeaderAreJson400() {
    assertError(raw.get("/profiles/checkout", "X-Evil: a\u0001b"), 400);
  }

  @Test
  void dotSegmentsAreRefusedNotNormalisedAway() {
    for (String target : new String[] {"/profiles/%2E/types", "/profiles/%2e%2e/types", "/profiles/./types",
        "/profiles/..?apps=x"}) {
      RawHttp.Answer answer = raw.get(target);
      assertError(answer, 400);
      assertThat(answer.json().getString("field")).as(target).isEqualTo("app");
    }
    RawHttp.Answer elsewhere = raw.get("/profiles/x/%2E%2E/y/types");
    assertError(elsewhere, 400);
    assertThat(elsewhere.json().getString("field")).isEqualTo("path");
  }

  @Test
  void namesThatAreNotUtf8AreRefused() {
    RawHttp.Answer path = raw.get("/profiles/caf%e9");
    assertError(path, 400);
    assertThat(path.json().getString("field")).isEqualTo("app");
    RawHttp.Answer query = raw.get("/profiles/checkout?apps=caf%e9");
    assertError(query, 400);
    assertThat(query.json().getString("field")).isEqualTo("apps");
  }

  @Test
  void wellFormedNamesStillReachTheRoute() {
    RawHttp.Answer answer = raw.get("/profiles/caf%C3%A9%2Fx.y?apps=a%2Cb");
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    assertThat(answer.json().getString("app")).isEqualTo("café/x.y");
    assertThat(answer.json().getString("apps")).isEqualTo("a,b");
    assertThat(raw.get("/profiles/...").json().getString("app")).isEqualTo("...");
  }

  private static void assertError(RawHttp.Answer answer, int status) {
    assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
    assertThat(answer.header("content-type")).as(answer.toString()).startsWith("application/json");
    JsonObject body = answer.json();
    assertThat(body.getString("error")).isNotBlank();
    assertThat(body.getString("code")).isNotBlank();
  }
}
