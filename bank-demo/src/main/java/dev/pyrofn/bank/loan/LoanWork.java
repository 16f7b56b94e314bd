package dev.pyrofn.bank.loan;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.SplittableRandom;

/**
 * Planted problems: amortization schedules in BigDecimal with full-precision powers, a Monte Carlo risk simulation,
 * and exceptions used as control flow (every eligibility check and every simulated default throws).
 */
final class LoanWork {
  private static final MathContext PRECISION = new MathContext(40, RoundingMode.HALF_EVEN);
  private static final BigDecimal TWELVE = new BigDecimal(12);

  /** Thrown by an eligibility check that fails; caught one level up, as a flag would have done. */
  static final class RuleViolation extends Exception {
    private static final long serialVersionUID = 1L;

    RuleViolation(String rule) {
      super(rule);
    }
  }

  /** Thrown when a simulated borrower defaults; the simulation counts them by catching. */
  static final class DefaultEvent extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DefaultEvent(int month) {
      super("default in month " + month);
    }
  }

  JsonObject apply(String applicant, BigDecimal amount, int months, BigDecimal income) {
    JsonArray failed = new JsonArray();
    String[] rules = {"income", "ratio", "term", "amount", "name"};
    for (String rule : rules) {
      try {
        check(rule, applicant, amount, months, income);
      } catch (RuleViolation violation) {
        failed.add(violation.getMessage());
      }
    }
    BigDecimal payment = monthlyPayment(amount, new BigDecimal("0.069"), months);
    return new JsonObject().put("applicant", applicant).put("decision", failed.isEmpty() ? "APPROVED" : "DECLINED")
        .put("failedRules", failed).put("monthlyPayment", payment.toPlainString());
  }

  JsonObject amortize(BigDecimal principal, BigDecimal annualRate, int months) {
    BigDecimal payment = monthlyPayment(principal, annualRate, months);
    BigDecimal monthlyRate = annualRate.divide(TWELVE, PRECISION);
    BigDecimal remaining = principal;
    BigDecimal totalInterest = BigDecimal.ZERO;
    JsonArray firstRows = new JsonArray();
    for (int month = 1; month <= months; month++) {
      BigDecimal interest = remaining.multiply(monthlyRate, PRECISION);
      BigDecimal principalPart = payment.subtract(interest, PRECISION);
      remaining = remaining.subtract(principalPart, PRECISION).max(BigDecimal.ZERO);
      totalInterest = totalInterest.add(interest, PRECISION);
      if (month <= 3) {
        firstRows.add(new JsonObject().put("month", month)
            .put("interest", interest.setScale(2, RoundingMode.HALF_EVEN).toPlainString())
            .put("remaining", remaining.setScale(2, RoundingMode.HALF_EVEN).toPlainString()));
      }
    }
    return new JsonObject().put("months", months).put("payment", payment.toPlainString())
        .put("totalInterest", totalInterest.setScale(2, RoundingMode.HALF_EVEN).toPlainString())
        .put("firstRows", firstRows);
  }

  /** Simulates {@code simulations} borrowers month by month; each default is signalled by throwing. */
  JsonObject risk(int simulations, int months, double monthlyDefaultRate, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int defaults = 0;
    double lossSum = 0;
    for (int i = 0; i < simulations; i++) {
      try {
        simulateBorrower(random, months, monthlyDefaultRate);
      } catch (DefaultEvent event) {
        defaults++;
        lossSum += 0.45 + random.nextDouble() * 0.2;
      }
    }
    double defaultRate = (double) defaults / simulations;
    return new JsonObject().put("simulations", simulations).put("months", months).put("defaults", defaults)
        .put("defaultRate", Math.round(defaultRate * 10_000) / 10_000.0)
        .put("expectedLoss", Math.round(lossSum / simulations * 10_000) / 10_000.0);
  }

  private static void simulateBorrower(SplittableRandom random, int months, double monthlyDefaultRate) {
    double stress = 1.0;
    for (int month = 1; month <= months; month++) {
      stress = Math.max(0.5, stress + (random.nextDouble() - 0.5) * 0.1);
      try {
        checkMonth(random, month, monthlyDefaultRate * stress);
      } catch (IllegalStateException late) {
        // A late payment is "handled" by throwing again one level up if it is the third in a row.
        if (late.getMessage().endsWith("3")) {
          throw new DefaultEvent(month);
        }
      }
    }
  }

  private static void checkMonth(SplittableRandom random, int month, double defaultRate) {
    double draw = random.nextDouble();
    if (draw < defaultRate) {
      throw new DefaultEvent(month);
    }
    if (draw < defaultRate * 20) {
      throw new IllegalStateException("late payment " + (1 + (int) (draw * 1000) % 3));
    }
  }

  private static void check(String rule, String applicant, BigDecimal amount, int months, BigDecimal income)
      throws RuleViolation {
    switch (rule) {
      case "income":
        if (income.compareTo(new BigDecimal("1500")) < 0) {
          throw new RuleViolation("income below 1500");
        }
        return;
      case "ratio":
        if (amount.divide(income.multiply(TWELVE), PRECISION).compareTo(new BigDecimal("5")) > 0) {
          throw new RuleViolation("amount above 5 yearly incomes");
        }
        return;
      case "term":
        if (months > 360) {
          throw new RuleViolation("term above 30 years");
        }
        return;
      case "amount":
        if (amount.compareTo(new BigDecimal("500000")) > 0) {
          throw new RuleViolation("amount above 500000");
        }
        return;
      default:
        try {
          Long.parseLong(applicant);
          throw new RuleViolation("applicant name is a number");
        } catch (NumberFormatException expected) {
          return;
        }
    }
  }

  static BigDecimal monthlyPayment(BigDecimal principal, BigDecimal annualRate, int months) {
    BigDecimal monthlyRate = annualRate.divide(TWELVE, PRECISION);
    if (monthlyRate.signum() == 0) {
      return principal.divide(new BigDecimal(months), 2, RoundingMode.HALF_EVEN);
    }
    BigDecimal growth = BigDecimal.ONE.add(monthlyRate).pow(months, PRECISION);
    BigDecimal payment = principal.multiply(monthlyRate).multiply(growth)
        .divide(growth.subtract(BigDecimal.ONE), PRECISION);
    return payment.setScale(2, RoundingMode.HALF_EVEN);
  }
}
