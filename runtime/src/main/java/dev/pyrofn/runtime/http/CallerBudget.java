package dev.pyrofn.runtime.http;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * How long the caller will wait for this answer, as the functions' client says in {@value #HEADER} on every
 * request. An upstream that may take longer than that (Profile Data waiting on Pyroscope) answers its own clear
 * 504 shortly before the caller gives up, instead of being cut off and leaving the caller with "no answer".
 */
public final class CallerBudget {
  public static final String HEADER = "X-Pyrofn-Timeout-Ms";
  static final long MAX_BUDGET_MS = 3_600_000;
  /** The part of the budget kept for the answer's way back: a tenth, at least this much. */
  static final long MIN_MARGIN_MS = 50;
  static final long MIN_ANSWER_WITHIN_MS = 10;

  private CallerBudget() {
  }

  /** The caller's budget in ms, if it sent one; 400 naming the header when it is not a whole number of ms. */
  public static OptionalLong of(RoutingContext ctx) {
    String value = ctx.request().getHeader(HEADER);
    if (value == null) {
      return OptionalLong.empty();
    }
    try {
      long budget = Long.parseLong(value.trim());
      if (budget >= 1 && budget <= MAX_BUDGET_MS) {
        return OptionalLong.of(budget);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw ApiException.badRequest(HEADER, "header '" + HEADER + "' must be a whole number of milliseconds from 1 to "
        + MAX_BUDGET_MS);
  }

  /** How long to work on an answer for a caller that waits {@code budgetMs}: the rest is for the way back. */
  public static long answerWithin(long budgetMs) {
    return Math.max(MIN_ANSWER_WITHIN_MS, budgetMs - Math.max(MIN_MARGIN_MS, budgetMs / 10));
  }

  /**
   * The work {@code start} begins, as it completes; or, if the caller sent a budget and the work outlasts it, the
   * failure {@code late} builds from the time allowed. The header is checked before the work begins; the work
   * itself is not cancelled.
   */
  public static <T> Future<T> bound(RoutingContext ctx, Supplier<Future<T>> start, LongFunction<ApiException> late) {
    OptionalLong budget = of(ctx);
    if (budget.isEmpty()) {
      return start.get();
    }
    long within = answerWithin(budget.getAsLong());
    return start.get().timeout(within, TimeUnit.MILLISECONDS).recover(failure -> Future.failedFuture(
        failure instanceof TimeoutException ? late.apply(within) : failure));
  }
}
