package dev.pyrofn.bor.fleet;

import static dev.pyrofn.bor.testing.BorStack.WINDOW;
import static dev.pyrofn.runtime.testing.PyroscopeStub.CPU;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pyrofn.bor.testing.BorStack;
import dev.pyrofn.bor.testing.JsonSubset;
import dev.pyrofn.runtime.testing.FreePort;
import dev.pyrofn.runtime.testing.Http;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Fleet Search v1 and v2 end to end against the real SOR functions. */
class FleetFunctionTest {
  private static final String MAIN = "com/acme/Main.main;";
  private static final String WORK = "com/acme/Work.run";
  private static final String CRYPTO = "javax/crypto/Cipher.doFinal";

  @RegisterExtension
  static final BorStack STACK = new BorStack();
  private final Http v1 = STACK.bor(FleetVerticle.SPEC_V1, Map.of("FLEET_APP_TIMEOUT_MS", "1000"));
  private final Http v2 = STACK.bor(FleetVerticle.SPEC_V2, Map.of("FLEET_APP_TIMEOUT_MS", "1000"));

  @BeforeEach
  void script() {
    STACK.pyroscope()
        .profile("checkout", CPU, Map.of(MAIN + "java/util/regex/Pattern.compile", 40L, MAIN + WORK, 60L))
        .profile("payments", CPU, Map.of(MAIN + "java/util/regex/Pattern.compile", 10L, MAIN + WORK, 90L))
        .profile("ledger", CPU, Map.of(MAIN + CRYPTO, 100L));
    register("checkout", "team-shop", "critical", "#shop");
    register("payments", "team-pay", "high", "#pay");
  }

  @Test
  void searchFindsTheFunctionInEveryDiscoveredAppSortedByShare() {
    JsonObject body = v1.ok("/search?function=Pattern.compile&" + WINDOW);

    assertThat(body.getJsonObject("query").getString("function")).isEqualTo("Pattern.compile");
    assertThat(body.getJsonObject("query").getString("match")).isEqualTo("substring");
    assertThat(body.getInteger("matchCount")).isEqualTo(2);
    assertThat(body.getJsonArray("matches")).containsExactly(
        new JsonObject().put("app", "checkout").put("function", "java/util/regex/Pattern.compile")
            .put("selfPercent", 40.0).put("selfSamples", 40).put("callSites", callSites("com/acme/Main.main", 40.0)),
        new JsonObject().put("app", "payments").put("function", "java/util/regex/Pattern.compile")
            .put("selfPercent", 10.0).put("selfSamples", 10).put("callSites", callSites("com/acme/Main.main", 10.0)));
    assertThat(body.getInteger("appsSearched")).isEqualTo(3);
    assertThat(body.getJsonArray("errors")).isEmpty();
  }

  @Test
  void v2AddsOwnershipToMatchesAndHotspots() {
    JsonObject one = v1.ok("/search?function=Pattern.compile&" + WINDOW);
    JsonObject two = v2.ok("/search?function=Pattern.compile&" + WINDOW);
    JsonObject hotOne = v1.ok("/fleet/hotspots?" + WINDOW);
    JsonObject hotTwo = v2.ok("/fleet/hotspots?" + WINDOW);

    JsonSubset.assertSubset(one, two);
    JsonSubset.assertSubset(hotOne, hotTwo);
    JsonObject first = two.getJsonArray("matches").getJsonObject(0);
    assertThat(first.getString("teamOwner")).isEqualTo("team-shop");
    assertThat(first.getString("tier")).isEqualTo("critical");
    assertThat(first.getString("notificationChannel")).isEqualTo("#shop");
    JsonObject regex = hotspot(hotTwo, "java/util/regex/Pattern.compile");
    assertThat(regex.getInteger("serviceCount")).isEqualTo(2);
    assertThat(regex.getDouble("impactScore")).isEqualTo(80.0);
    assertThat(regex.getInteger("criticalServiceCount")).isEqualTo(1);
    assertThat(regex.getJsonArray("services").getJsonObject(1).getString("teamOwner")).isEqualTo("team-pay");
    assertThat(hotspot(hotTwo, CRYPTO).getJsonArray("services").getJsonObject(0).getValue("teamOwner")).isNull();
  }

  @Test
  void oneFailingAndOneSlowAppAreListedAndTheRestAnswers() {
    STACK.pyroscope().failing("payments", 500).delay("ledger", 3_000);

    // Its own window: the slow query outlives the test, and Profile Data would let a later identical one join it.
    JsonObject body = v1.ok("/search?function=" + WORK + "&match=exact&apps=checkout,payments,ledger"
        + "&from=1748710000&to=1748713600");

    assertThat(body.getInteger("matchCount")).isEqualTo(1);
    assertThat(body.getJsonArray("matches").getJsonObject(0).getString("app")).isEqualTo("checkout");
    JsonArray errors = body.getJsonArray("errors");
    assertThat(errors).hasSize(2);
    assertThat(errors.getJsonObject(0).getString("app")).isEqualTo("payments");
    assertThat(errors.getJsonObject(0).getString("code")).isEqualTo("UPSTREAM_ERROR");
    assertThat(errors.getJsonObject(1).getString("app")).isEqualTo("ledger");
    assertThat(errors.getJsonObject(1).getString("code")).isEqualTo("UPSTREAM_TIMEOUT");
    assertThat(body.getInteger("appsSearched")).isEqualTo(3);
  }

  @Test
  void registryDownKeepsTheAnswerWithoutOwners() {
    Http degraded = STACK.bor(FleetVerticle.SPEC_V2, Map.of("REGISTRY_URL", FreePort.deadUrl()));

    JsonObject body = degraded.ok("/search?function=Pattern.compile&" + WINDOW);

    assertThat(body.getInteger("matchCount")).isEqualTo(2);
    assertThat(body.getString("registryError")).contains("Registry SOR");
    assertThat(body.getJsonArray("matches").getJsonObject(0).getValue("teamOwner")).isNull();
  }

  @Test
  void profileDataDownIs503() {
    Http degraded = STACK.bor(FleetVerticle.SPEC_V1, Map.of("PROFILE_DATA_URL", FreePort.deadUrl()));

    HttpResponse<Buffer> discovery = degraded.get("/fleet/hotspots?" + WINDOW);
    HttpResponse<Buffer> listed = degraded.get("/search?function=x&apps=a,b&" + WINDOW);

    assertThat(discovery.statusCode()).isEqualTo(503);
    assertThat(listed.statusCode()).isEqualTo(503);
    assertThat(listed.bodyAsJsonObject().getString("code")).isEqualTo("UPSTREAM_UNAVAILABLE");
  }

  @Test
  void searchFindsMatchesBelowTheProfileRowLimitAndCountsThemAll() {
    Map<String, Long> stacks = new java.util.HashMap<>();
    for (int i = 0; i < 30; i++) {
      stacks.put(MAIN + "com/acme/Busy.step" + i, 100L + i);
    }
    for (int i = 0; i < 12; i++) {
      stacks.put(MAIN + "com/acme/Gen.gen" + i, 1L + i);
    }
    STACK.pyroscope().profile("wide", CPU, stacks);
    Http fewRows = STACK.bor(FleetVerticle.SPEC_V1, Map.of("PROFILE_ROWS", "10"));

    JsonObject body = fewRows.ok("/search?function=Gen.gen&apps=wide&" + WINDOW);

    // The 12 generators are the 12 coldest functions: none is in the app's top 10 rows, all are found and counted.
    assertThat(body.getInteger("matchCount")).isEqualTo(12);
    JsonArray matches = body.getJsonArray("matches");
    assertThat(matches).hasSize(10);
    assertThat(matches.getJsonObject(0).getString("function")).isEqualTo("com/acme/Gen.gen11");
    assertThat(matches.getJsonObject(0).getLong("selfSamples")).isEqualTo(12L);
  }

  @Test
  void hotspotsRankByImpactAcrossServices() {
    JsonObject body = v1.ok("/fleet/hotspots?limit=2&" + WINDOW);

    JsonArray hotspots = body.getJsonArray("hotspots");
    assertThat(hotspots).hasSize(2);
    assertThat(hotspots.getJsonObject(0).getString("function")).isEqualTo(WORK);
    assertThat(hotspots.getJsonObject(0).getString("measure")).isEqualTo("self");
    assertThat(hotspots.getJsonObject(0).getString("kind")).isEqualTo("application");
    assertThat(hotspots.getJsonObject(0).getDouble("impactScore")).isEqualTo(180.0);
    assertThat(hotspots.getJsonObject(0).containsKey("criticalServiceCount")).isFalse();
  }

  @Test
  void hotspotsRankEntryFramesLabelKernelAndJvmFramesAndSkipAppsWithoutTheType() {
    STACK.pyroscope().profile("signer", CPU, Map.of(
        ".pvm_irq_enable", 30L,
        "java/lang/Thread.run;com/acme/sign/Signer.sign;java/security/MessageDigest.digest;"
            + "sun/security/provider/DigestBase.engineDigest;.sha256_implCompressMB", 50L,
        "java/lang/Thread.run;com/acme/sign/Signer.sign;libc.so.6.memset", 20L));

    JsonObject body = v1.ok("/fleet/hotspots?apps=signer,checkout,nobody&" + WINDOW);

    JsonObject digest = hotspot(body, "java/security/MessageDigest.digest");
    assertThat(digest.getString("measure")).isEqualTo("entry");
    assertThat(digest.getString("kind")).isEqualTo("library");
    assertThat(digest.getDouble("maxPercent")).isEqualTo(50.0);
    assertThat(digest.getDouble("maxSelfPercent")).isEqualTo(0.0);
    assertThat(digest.getJsonArray("services").getJsonObject(0).getJsonArray("callSites"))
        .isEqualTo(callSites("com/acme/sign/Signer.sign", 50.0));
    assertThat(body.getJsonArray("hotspots").stream().map(row -> ((JsonObject) row).getString("function")))
        .doesNotContain(".pvm_irq_enable", ".sha256_implCompressMB", "libc.so.6.memset");
    JsonObject labelled = new JsonObject();
    body.getJsonArray("labelled").forEach(row -> labelled.put(((JsonObject) row).getString("function"),
        ((JsonObject) row).getString("kind")));
    assertThat(labelled.getMap()).containsEntry(".pvm_irq_enable", "kernel")
        .containsEntry(".sha256_implCompressMB", "jvm").containsEntry("libc.so.6.memset", "native");
    assertThat(body.getJsonArray("errors")).isEmpty();
    assertThat(body.getJsonArray("skipped")).hasSize(1);
    assertThat(body.getJsonArray("skipped").getJsonObject(0).getString("app")).isEqualTo("nobody");
  }

  private static JsonArray callSites(String function, double percent) {
    return new JsonArray().add(new JsonObject().put("function", function).put("percent", percent));
  }

  private static JsonObject hotspot(JsonObject body, String function) {
    for (Object row : body.getJsonArray("hotspots")) {
      if (function.equals(((JsonObject) row).getString("function"))) {
        return (JsonObject) row;
      }
    }
    throw new AssertionError("no hotspot " + function + " in " + body.encodePrettily());
  }

  private static void register(String app, String team, String tier, String channel) {
    HttpResponse<Buffer> created = STACK.registrySor().post("/services", new JsonObject().put("appName", app)
        .put("teamOwner", team).put("tier", tier).put("notificationChannel", channel));
    assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
  }
}
