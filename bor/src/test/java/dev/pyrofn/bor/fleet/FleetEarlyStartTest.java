package dev.pyrofn.bor.fleet;

import static dev.pyrofn.runtime.testing.PyroscopeStub.CPU;
import static dev.pyrofn.runtime.testing.PyroscopeStub.LABEL_VALUES;
import static dev.pyrofn.runtime.testing.PyroscopeStub.SELECT_MERGE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pyrofn.bor.testing.BorStack;
import dev.pyrofn.runtime.testing.Http;
import dev.pyrofn.runtime.testing.PyroscopeStub;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A search over every app starts fetching the apps the previous discovery found while its own discovery runs,
 * and still answers for exactly the apps its own discovery finds.
 */
class FleetEarlyStartTest {
  private static final String REGEX = "com/acme/Main.main;java/util/regex/Pattern.compile";
  private static final String WORK = "com/acme/Main.main;com/acme/Work.run";

  // No profile cache: every search's profiles are asked of Pyroscope, so the stub sees when each one is asked.
  @RegisterExtension
  static final BorStack STACK = new BorStack().withProfileDataEnv(Map.of("PROFILE_CACHE_TTL_MS", "0"));

  @Test
  void theGuessedAppsAreAskedBeforeDiscoveryAnswersAndTheAnswerFollowsTheNewDiscovery() throws Exception {
    Http fleet = STACK.bor(FleetVerticle.SPEC_V2, Map.of());
    PyroscopeStub pyroscope = STACK.pyroscope();
    pyroscope.profile("checkout", CPU, Map.of(REGEX, 40L, WORK, 60L)).profile("ledger", CPU, Map.of(REGEX, 5L, WORK, 95L))
        .profile("payments", CPU, Map.of(REGEX, 10L, WORK, 90L));
    JsonObject first = fleet.ok(searchOfTheLastHour());
    assertThat(apps(first)).containsExactly("checkout", "payments", "ledger");

    pyroscope.reset();
    pyroscope.profile("checkout", CPU, Map.of(REGEX, 40L, WORK, 60L)).profile("orders", CPU, Map.of(REGEX, 70L, WORK, 30L))
        .profile("payments", CPU, Map.of(REGEX, 10L, WORK, 90L))
        .hold(LABEL_VALUES, new JsonObject().put("names", new JsonArray().add("checkout").add("orders")
            .add("payments")).encode());
    CompletableFuture<JsonObject> second = CompletableFuture.supplyAsync(() -> fleet.ok(searchOfTheLastHour()));

    pyroscope.awaitRequests(SELECT_MERGE, 3);
    assertThat(profilesAsked(pyroscope)).containsExactlyInAnyOrder("checkout", "ledger", "payments");
    assertThat(pyroscope.requests(LABEL_VALUES)).hasSize(1);
    pyroscope.release(LABEL_VALUES);
    JsonObject answer = second.get(10, TimeUnit.SECONDS);

    assertThat(apps(answer)).containsExactly("orders", "checkout", "payments");
    assertThat(answer.getInteger("appsSearched")).isEqualTo(3);
    assertThat(answer.getJsonArray("errors")).isEmpty();
    assertThat(profilesAsked(pyroscope)).containsExactlyInAnyOrder("checkout", "ledger", "payments", "orders");
  }

  private static String searchOfTheLastHour() {
    long now = System.currentTimeMillis() / 1000;
    return "/search?function=Pattern.compile&from=" + (now - 3600) + "&to=" + now;
  }

  private static List<String> apps(JsonObject answer) {
    return answer.getJsonArray("matches").stream().map(row -> ((JsonObject) row).getString("app"))
        .collect(Collectors.toList());
  }

  private static List<String> profilesAsked(PyroscopeStub pyroscope) {
    return pyroscope.requests(SELECT_MERGE).stream()
        .map(request -> request.json().getString("labelSelector").replaceAll(".*service_name=\"([^\"]*)\".*", "$1"))
        .collect(Collectors.toList());
  }
}
