package dev.pyrofn.bor.upstream;

import dev.pyrofn.analysis.baseline.BaselineLimit;
import dev.pyrofn.analysis.profile.ProfileType;
import dev.pyrofn.runtime.client.FunctionClient;
import dev.pyrofn.runtime.http.ApiException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The Baseline SOR: approved per-function ceilings of one app and profile type. */
public final class Baselines {
  private final FunctionClient client;

  public Baselines(FunctionClient client) {
    this.client = client;
  }

  /** {@code GET /baselines/{app}/{type}} as limits; none stored is an empty list. */
  public Future<List<BaselineLimit>> limits(String app, ProfileType type) {
    return client.get("/baselines/" + FunctionClient.segment(app) + "/" + FunctionClient.segment(type.name()),
        Collections.emptyMap()).map(Baselines::limitsOf);
  }

  private static List<BaselineLimit> limitsOf(JsonObject answer) {
    try {
      JsonArray rows = answer.getJsonArray("baselines", new JsonArray());
      List<BaselineLimit> limits = new ArrayList<>(rows.size());
      for (int i = 0; i < rows.size(); i++) {
        JsonObject row = rows.getJsonObject(i);
        limits.add(BaselineLimit.of(row.getString("functionName"), row.getDouble("maxSelfPercent"),
            BaselineLimit.Level.parse(row.getString("severity"))));
      }
      return limits;
    } catch (RuntimeException e) {
      throw ApiException.upstreamError("Baseline SOR answered baselines in an unexpected shape: " + e.getMessage(), e);
    }
  }
}
