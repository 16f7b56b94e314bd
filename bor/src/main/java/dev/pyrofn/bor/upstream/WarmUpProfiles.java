package dev.pyrofn.bor.upstream;

import dev.pyrofn.analysis.profile.ProfileType;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Synthetic Profile Data answers for a BOR's warm-up before readiness: the shape the SOR sends (functions, callers,
 * calls), encoded and parsed the way a real answer is, then read by the same code. Names mix application frames,
 * JDK frames the triage rules look for, and a chain of callers, so the rules, the call sites and the diff's
 * grouping all do real work. Never sent anywhere.
 */
public final class WarmUpProfiles {
  private static final String[] JDK_LEAVES = {
    "java.util.regex.Pattern.compile", "java.util.HashMap.resize", "java.lang.String.format",
    "com.fasterxml.jackson.databind.ObjectMapper.readValue", "java.util.zip.Inflater.inflate",
    "java.lang.Thread.sleep", "jdk.internal.misc.Unsafe.park", "java.lang.StringBuilder.append",
  };

  private WarmUpProfiles() {
  }

  /** One profile of {@code functions} rows; {@code variant} shifts the weights so that two variants differ. */
  public static ProfileTable profile(ProfileType type, int functions, int variant) {
    return ProfileTable.fromJson(type, parsed(side(functions, variant, 1_700_000_000L)));
  }

  /** Both sides of a diff answer, the current one with a regression on one JDK leaf. */
  public static DiffSides diff(ProfileType type, int functions) {
    JsonObject answer = parsed(new JsonObject().put("baseline", side(functions, 0, 1_700_000_000L))
        .put("current", side(functions, 1, 1_700_003_600L)));
    return DiffSides.of(ProfileTable.fromJson(type, answer.getJsonObject("baseline")),
        ProfileTable.fromJson(type, answer.getJsonObject("current")));
  }

  private static JsonObject parsed(JsonObject answer) {
    Buffer wire = answer.toBuffer();
    return new JsonObject(wire);
  }

  private static JsonObject side(int functions, int variant, long from) {
    JsonArray rows = new JsonArray();
    JsonArray callers = new JsonArray();
    JsonArray calls = new JsonArray();
    long total = 0;
    for (int i = 0; i < functions; i++) {
      long self = 1 + (long) ((i * 37 + variant * 11) % 97);
      total += self;
    }
    for (int i = 0; i < functions; i++) {
      String name = name(i);
      long self = 1 + (long) ((i * 37 + variant * 11) % 97);
      long inclusive = Math.min(total, self + (long) (functions - i) * 3);
      rows.add(new JsonObject().put("name", name).put("selfSamples", self).put("totalSamples", inclusive));
      if (i > 0) {
        String caller = name(i - 1);
        callers.add(new JsonObject().put("function", name).put("caller", caller).put("totalSamples", inclusive)
            .put("entrySamples", inclusive).put("selfSamples", self));
        calls.add(new JsonObject().put("caller", caller).put("callee", name).put("totalSamples", inclusive));
      }
    }
    return new JsonObject().put("from", from).put("to", from + 3_600).put("totalSamples", total)
        .put("functions", rows).put("callers", callers).put("calls", calls);
  }

  private static String name(int i) {
    return i % 3 == 0 ? JDK_LEAVES[(i / 3) % JDK_LEAVES.length] + (i < 3 * JDK_LEAVES.length ? "" : "$" + i)
        : "com.example.shop.Service" + (i % 17) + ".handle" + i;
  }
}
