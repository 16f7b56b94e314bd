package dev.pyrofn.bor.common;

import dev.pyrofn.runtime.http.ApiException;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The idempotency key of an assessment's History record. A caller that retries sends the same
 * {@code X-Request-Id} and gets the first record back instead of a duplicate; without the header every request
 * is its own assessment (a fresh UUID). The key is prefixed by the function kind, so a Triage and a Diff sent with
 * the same header keep separate records. The id is echoed in the {@code X-Request-Id} response header.
 */
public final class RequestIds {
  public static final String HEADER = "X-Request-Id";
  /** What the History SOR accepts (128 characters) minus room for the prefix. */
  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:\\-]{1,100}");

  private RequestIds() {
  }

  /** The caller's request id (validated) or a new UUID. */
  public static String of(RoutingContext ctx) {
    String given = ctx.request().getHeader(HEADER);
    String id;
    if (given == null || given.isBlank()) {
      id = UUID.randomUUID().toString();
    } else if (VALID.matcher(given.trim()).matches()) {
      id = given.trim();
    } else {
      throw ApiException.badRequest(HEADER, "'" + HEADER + "' must be 1-100 characters of letters, digits and . _ : -");
    }
    ctx.response().putHeader(HEADER, id);
    return id;
  }

  public static String historyKey(String kind, String requestId) {
    return kind + "-" + requestId;
  }
}
