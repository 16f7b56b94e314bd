package dev.pyrofn.bank.account;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Planted problems: statements rendered line by line with String.format, interest computed over boxed
 * {@code List<Double>} streams, and throw-away collections per request (allocation churn).
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

  /** Daily-compounded interest for {@code accounts} accounts over {@code days}, all in boxed Doubles. */
  JsonObject interest(int accounts, int days, double annualRate) {
    List<Double> balances = IntStream.rangeClosed(1, accounts)
        .mapToObj(i -> 1_000.0 + i * 13.5)
        .collect(Collectors.toList());
    double dailyRate = annualRate / 365.0;
    List<Double> grown = balances;
    for (int day = 0; day < days; day++) {
      grown = grown.stream().map(b -> b * (1 + dailyRate)).collect(Collectors.toList());
    }
    Double before = balances.stream().reduce(0.0, Double::sum);
    Double after = grown.stream().reduce(0.0, Double::sum);
    return new JsonObject().put("accounts", accounts).put("days", days)
        .put("interest", Math.round((after - before) * 100) / 100.0);
  }
}
