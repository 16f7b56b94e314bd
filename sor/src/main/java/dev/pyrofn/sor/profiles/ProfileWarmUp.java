package dev.pyrofn.sor.profiles;

import dev.pyrofn.analysis.callsite.AppFrames;
import dev.pyrofn.analysis.profile.ProfileType;
import dev.pyrofn.runtime.time.TimeWindow;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * One warm-up round of the Profile Data SOR before readiness: a synthetic Connect flame graph (root, main, handlers,
 * leaves; the shape a service's profile has) decoded with call sites and rendered as the profile and the diff
 * answer, at the BORs' row limits. Nothing is sent to Pyroscope or cached.
 */
final class ProfileWarmUp {
  private static final int HANDLERS = 10;
  private static final int LEAVES = 110;
  private static final String[] JDK_LEAVES = {
    "java/util/regex/Pattern.compile", "java/util/HashMap.resize", "java/lang/String.format",
    "java/util/zip/Inflater.inflate", "jdk/internal/misc/Unsafe.park",
  };

  private final ProfileJson json;
  private final Buffer[] bodies = {flameGraph(0), flameGraph(1)};
  private final ProfileQuery current;
  private final ProfileQuery baseline;

  ProfileWarmUp(ProfileJson json) {
    this.json = json;
    TimeWindow window = TimeWindow.of(1_700_003_600_000L, 1_700_007_200_000L);
    this.current = ProfileQuery.of("warm-up", ProfileType.CPU, window).withCallSites(AppFrames.heuristic());
    this.baseline = current.over(TimeWindow.of(1_700_000_000_000L, 1_700_003_600_000L));
  }

  void round(int round) {
    ProfileSnapshot now = ProfileSnapshot.of(current,
        ProfileDecoding.decode(PyroscopeApi.CONNECT, bodies[round % 2], current.callSites()));
    ProfileSnapshot before = ProfileSnapshot.of(baseline,
        ProfileDecoding.decode(PyroscopeApi.CONNECT, bodies[(round + 1) % 2], baseline.callSites()));
    json.profile(now, 1000, ProfileRoutes.DEFAULT_CALLER_LIMIT).toBuffer();
    json.diff(before, now, 1000, ProfileRoutes.DEFAULT_CALLER_LIMIT).toBuffer();
  }

  /** Levels: the root, main, one node per handler, then each handler's leaves side by side. */
  private static Buffer flameGraph(int variant) {
    List<Object> names = new ArrayList<>(List.of("total", "main"));
    for (int h = 0; h < HANDLERS; h++) {
      names.add("com/example/shop/Handler" + h + ".handle");
    }
    long[] leafValues = new long[LEAVES];
    long[] handlerTotals = new long[HANDLERS];
    long total = 0;
    for (int l = 0; l < LEAVES; l++) {
      names.add(l < JDK_LEAVES.length ? JDK_LEAVES[l] : "com/example/shop/Work.step" + l);
      leafValues[l] = 1 + (l * 31L + variant * 17L) % 211;
      handlerTotals[l % HANDLERS] += leafValues[l];
      total += leafValues[l];
    }
    JsonArray levels = new JsonArray().add(level(values(0, total, 0, 0))).add(level(values(0, total, 0, 1)));
    JsonArray handlerLevel = new JsonArray();
    JsonArray leafLevel = new JsonArray();
    for (int h = 0; h < HANDLERS; h++) {
      handlerLevel.addAll(values(0, handlerTotals[h], 0, 2 + h));
      for (int l = h; l < LEAVES; l += HANDLERS) {
        leafLevel.addAll(values(0, leafValues[l], leafValues[l], 2 + HANDLERS + l));
      }
    }
    levels.add(level(handlerLevel)).add(level(leafLevel));
    return new JsonObject().put("flamegraph", new JsonObject().put("names", new JsonArray(names))
        .put("levels", levels).put("total", Long.toString(total)).put("maxSelf", "0")).toBuffer();
  }

  private static JsonObject level(JsonArray values) {
    return new JsonObject().put("values", values);
  }

  private static JsonArray values(long offset, long total, long self, int name) {
    return new JsonArray().add(Long.toString(offset)).add(Long.toString(total)).add(Long.toString(self))
        .add(Integer.toString(name));
  }
}
