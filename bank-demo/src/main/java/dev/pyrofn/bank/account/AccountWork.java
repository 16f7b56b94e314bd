package dev.pyrofn.bank.account;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * Planted problems: statements rendered line by line with String.format, interest computed over boxed
 * {@code Map<Long, Double>} and streams, and throw-away collections per request (allocation churn).
 */
final class AccountWork {
  private final AccountBook book;

  AccountWork(AccountBook book) {
    this.book = book;
  }

  JsonObject statement(long id, int entries) {
    long balance = book.balance(id);
    List<String> lines = new ArrayList<>();
    long running = balance;
    for (int i = 0; i < entries; i++) {
      long movement = ((i * 7919L) % 20_000) - 10_000;
      running -= movement;
      lines.add(String.format(Locale.ROOT, "%05d | %-12s | %10.2f | %12.2f", i, movement >= 0 ? "DEPOSIT"
          : "WITHDRAWAL", movement / 100.0, running / 100.0));
    }
    String text = String.join("\n", lines);
    return new JsonObject().put("id", id).put("owner", book.owner(id)).put("entries", entries)
        .put("balance", balance / 100.0).put("statementChars", text.length())
        .put("firstLine", lines.isEmpty() ? "" : lines.get(0));
  }

  /**
   * Daily-compounded interest for {@code accounts} accounts over {@code days}: balances live in a
   * {@code Map<Long, Double>} updated with merge and summed through boxed streams, so every step boxes.
   */
  JsonObject interest(int accounts, int days, double annualRate) {
    Map<Long, Double> balances = new HashMap<>();
    LongStream.rangeClosed(1, accounts).forEach(id -> balances.put(id, 1_000.0 + id * 13.5));
    Double before = balances.values().stream().reduce(0.0, Double::sum);
    double dailyRate = annualRate / 365.0;
    for (int day = 0; day < days; day++) {
      for (long id = 1; id <= accounts; id++) {
        Double balance = balances.get(id);
        balances.merge(id, balance * dailyRate, Double::sum);
      }
    }
    List<Double> grown = balances.values().stream().collect(Collectors.toList());
    Double after = grown.stream().reduce(0.0, Double::sum);
    return new JsonObject().put("accounts", accounts).put("days", days)
        .put("interest", Math.round((after - before) * 100) / 100.0);
  }
}
