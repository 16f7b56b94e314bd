package dev.pyrofn.bor.alert;

import dev.pyrofn.runtime.client.FunctionClient;
import dev.pyrofn.runtime.http.ApiException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The Alert Rule SOR: the enabled rules of one app, or of every app (paged through the listing). */
final class AlertRules {
  static final int PAGE = 1000;
  /** The listing is bounded: past this many stored rules the rest are not evaluated (and counted as skipped). */
  static final int MAX_PAGES = 10;

  private final FunctionClient client;

  AlertRules(FunctionClient client) {
    this.client = client;
  }

  Future<List<StoredRule>> enabled(Optional<String> app) {
    if (app.isPresent()) {
      return client.get("/rules/active/" + FunctionClient.segment(app.get()), Map.of())
          .map(answer -> enabledOf(rules(answer)));
    }
    return page(0, new ArrayList<>());
  }

  private Future<List<StoredRule>> page(int offset, List<StoredRule> found) {
    return client.get("/rules", Map.of("limit", Integer.toString(PAGE), "offset", Integer.toString(offset)))
        .compose(answer -> {
          JsonArray rows = rules(answer);
          found.addAll(enabledOf(rows));
          boolean more = rows.size() == PAGE && offset / PAGE + 1 < MAX_PAGES;
          return more ? page(offset + PAGE, found) : Future.succeededFuture(found);
        });
  }

  private static List<StoredRule> enabledOf(JsonArray rows) {
    List<StoredRule> enabled = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      JsonObject row = rows.getJsonObject(i);
      if (!Boolean.FALSE.equals(row.getBoolean("enabled"))) {
        enabled.add(StoredRule.fromJson(row));
      }
    }
    return enabled;
  }

  private static JsonArray rules(JsonObject answer) {
    Object rules = answer.getValue("rules");
    if (!(rules instanceof JsonArray)) {
      throw ApiException.upstreamError("Alert Rule SOR answered without a 'rules' list", null);
    }
    return (JsonArray) rules;
  }
}
