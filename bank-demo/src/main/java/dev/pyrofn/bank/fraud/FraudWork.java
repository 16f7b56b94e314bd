package dev.pyrofn.bank.fraud;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * Planted problems: every rule is compiled with Pattern.compile for every record, a risk tree is evaluated by deep
 * recursion, and anomaly detection computes statistics by sorting full copies of the data.
 */
final class FraudWork {

  /** Scores one transaction: compiles every rule, then walks the risk tree recursively. */
  JsonObject score(String account, double amount, String country, String merchant) {
    JsonArray flags = new JsonArray();
    String[] fields = {account, country, merchant, account + "@" + merchant};
    for (String rule : FraudRules.PATTERNS) {
      Pattern pattern = Pattern.compile(rule);
      for (String field : fields) {
        if (pattern.matcher(field).matches()) {
          flags.add(rule);
          break;
        }
      }
    }
    double treeRisk = riskTree(amount, 0, 64);
    double score = Math.min(1.0, flags.size() * 0.2 + treeRisk);
    return new JsonObject().put("account", account).put("score", round(score)).put("flags", flags)
        .put("decision", score >= 0.7 ? "REVIEW" : "APPROVE");
  }

  /**
   * Scans generated records against {@code rules} rules, compiling each rule again for every field of every record.
   * Fields are short tokens, so compiling costs far more than matching: the profile shows Pattern.compile.
   */
  JsonObject scan(int records, int rules) {
    int hits = 0;
    for (int r = 0; r < records; r++) {
      String[] fields = syntheticRecord(r);
      for (int i = 0; i < rules; i++) {
        String rule = FraudRules.PATTERNS.get(i % FraudRules.PATTERNS.size());
        for (String field : fields) {
          if (Pattern.compile(rule).matcher(field).matches()) {
            hits++;
          }
        }
      }
    }
    return new JsonObject().put("records", records).put("rules", rules).put("hits", hits);
  }

  /** Z-score anomalies over generated amounts; the median is found by a recursive quickselect of given depth. */
  JsonObject anomalies(int points, int depth) {
    double[] values = new double[points];
    for (int i = 0; i < points; i++) {
      values[i] = 100 + 40 * Math.sin(i * 0.37) + ((i * 7919) % 101 == 0 ? 900 : 0);
    }
    double mean = Arrays.stream(values).average().orElse(0);
    double variance = Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum() / points;
    double stddev = Math.sqrt(variance);
    int outliers = 0;
    for (double value : values) {
      if (stddev > 0 && Math.abs(value - mean) / stddev > 3) {
        outliers++;
      }
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double median = sorted[points / 2];
    double recursionCheck = riskTree(median, 0, depth);
    return new JsonObject().put("points", points).put("mean", round(mean)).put("stddev", round(stddev))
        .put("median", round(median)).put("outliers", outliers).put("depthScore", round(recursionCheck));
  }

  /** A binary risk model evaluated by naive recursion down to {@code maxDepth} (the planted deep recursion). */
  private static double riskTree(double amount, int depth, int maxDepth) {
    if (depth >= maxDepth) {
      return amount > 5_000 ? 0.3 : 0.05;
    }
    double branch = (amount * (depth + 1)) % 7 > 3 ? 0.001 : 0.0005;
    return Math.min(0.6, branch + riskTree(amount * 1.01, depth + 1, maxDepth));
  }

  private static String[] syntheticRecord(int i) {
    return new String[] {"acc-" + (i % 1000) + "x", "merchant-" + (i % 120), i % 13 == 0 ? "btc" : "grocery",
        i % 29 == 0 ? "RU" : "DE"};
  }

  private static double round(double value) {
    return Math.round(value * 10_000) / 10_000.0;
  }
}
