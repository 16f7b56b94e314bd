package dev.pyrofn.bank.payment;

import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Planted problems: BigDecimal everywhere (fees, payroll taxes, FX triangulation), SHA-256 per movement rendered to
 * hex with String.format per byte, and the shared ledger lock held while reconciling.
 */
final class PaymentWork {
  private static final BigDecimal FEE_RATE = new BigDecimal("0.0035");
  private static final BigDecimal MIN_FEE = new BigDecimal("0.25");
  private static final MathContext FX_PRECISION = new MathContext(34, RoundingMode.HALF_EVEN);
  private static final Map<String, BigDecimal> USD_RATES = usdRates();

  private final Ledger ledger = new Ledger();
  private long sequence;

  JsonObject transfer(String from, String to, BigDecimal amount) {
    BigDecimal fee = amount.multiply(FEE_RATE).setScale(2, RoundingMode.HALF_UP).max(MIN_FEE);
    String reference = nextReference("TRF");
    String hash = sha256Hex(reference + "|" + from + "|" + to + "|" + amount.toPlainString());
    ledger.post(new Ledger.Entry(reference, amount.negate(), hash));
    ledger.post(new Ledger.Entry(reference, amount.subtract(fee), sha256Hex(hash + "|credit")));
    return new JsonObject().put("reference", reference).put("from", from).put("to", to)
        .put("amount", amount.toPlainString()).put("fee", fee.toPlainString()).put("hash", hash);
  }

  JsonObject payroll(int employees) {
    BigDecimal gross = BigDecimal.ZERO;
    BigDecimal net = BigDecimal.ZERO;
    String reference = nextReference("PAY");
    for (int i = 0; i < employees; i++) {
      BigDecimal salary = new BigDecimal(2500 + (i * 37) % 4000).add(new BigDecimal("0.75"));
      BigDecimal tax = incomeTax(salary);
      BigDecimal pay = salary.subtract(tax).setScale(2, RoundingMode.HALF_EVEN);
      gross = gross.add(salary);
      net = net.add(pay);
      ledger.post(new Ledger.Entry(reference + "-" + i, pay, sha256Hex(reference + "|" + i + "|" + pay)));
    }
    return new JsonObject().put("reference", reference).put("employees", employees)
        .put("gross", gross.toPlainString()).put("net", net.toPlainString());
  }

  JsonObject fx(BigDecimal amount, String from, String to, int rounds) {
    BigDecimal converted = amount;
    for (int i = 0; i < rounds; i++) {
      // Triangulate through USD each round, as a naive pricing engine re-quotes the same pair.
      BigDecimal usd = amount.divide(USD_RATES.get(from), FX_PRECISION);
      converted = usd.multiply(USD_RATES.get(to), FX_PRECISION);
    }
    return new JsonObject().put("from", from).put("to", to).put("amount", amount.toPlainString())
        .put("converted", converted.setScale(2, RoundingMode.HALF_EVEN).toPlainString())
        .put("rate", USD_RATES.get(to).divide(USD_RATES.get(from), new MathContext(8)).toPlainString());
  }

  /**
   * Re-hashes the newest ledger entries and sums them while holding the ledger's monitor (the planted lock:
   * every transfer and payroll posting waits until the whole hash chain is done).
   */
  JsonObject reconcile(int count) {
    synchronized (ledger) {
      List<Ledger.Entry> entries = ledger.snapshot(count);
      BigDecimal sum = BigDecimal.ZERO;
      int mismatches = 0;
      String chain = "";
      for (Ledger.Entry entry : entries) {
        sum = sum.add(entry.amount);
        chain = sha256Hex(chain + entry.hash);
        if (entry.hash.length() != 64) {
          mismatches++;
        }
      }
      return new JsonObject().put("checked", entries.size()).put("sum", sum.toPlainString())
          .put("mismatches", mismatches).put("chain", chain)
          .put("ledgerBalance", ledger.balance().toPlainString());
    }
  }

  static boolean isKnownCurrency(String code) {
    return USD_RATES.containsKey(code);
  }

  static String currencies() {
    return String.join(", ", USD_RATES.keySet());
  }

  private synchronized String nextReference(String prefix) {
    sequence++;
    return prefix + "-" + sequence;
  }

  private static BigDecimal incomeTax(BigDecimal salary) {
    BigDecimal band1 = salary.min(new BigDecimal("3000")).multiply(new BigDecimal("0.20"));
    BigDecimal above = salary.subtract(new BigDecimal("3000")).max(BigDecimal.ZERO);
    return band1.add(above.multiply(new BigDecimal("0.40"))).divide(BigDecimal.ONE, 2, RoundingMode.HALF_UP);
  }

  /** SHA-256 as lowercase hex, one String.format per byte (the planted slow hex formatting). */
  static String sha256Hex(String text) {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
    byte[] hash = digest.digest(text.getBytes(StandardCharsets.UTF_8));
    StringBuilder hex = new StringBuilder();
    for (byte b : hash) {
      hex.append(String.format("%02x", b));
    }
    return hex.toString();
  }

  private static Map<String, BigDecimal> usdRates() {
    Map<String, BigDecimal> rates = new TreeMap<>();
    rates.put("USD", BigDecimal.ONE);
    rates.put("EUR", new BigDecimal("0.9231"));
    rates.put("GBP", new BigDecimal("0.7895"));
    rates.put("CHF", new BigDecimal("0.8812"));
    rates.put("JPY", new BigDecimal("151.37"));
    return rates;
  }
}
