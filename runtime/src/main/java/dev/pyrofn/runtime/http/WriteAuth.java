package dev.pyrofn.runtime.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Guards writes (POST, PUT, PATCH, DELETE) with {@code Authorization: Bearer <token>} when tokens are configured.
 *
 * <p>Tokens are compared in constant time ({@link MessageDigest#isEqual}) over SHA-256 digests so neither the
 * content nor the length of a configured token leaks through timing. Tokens are never logged.
 */
public final class WriteAuth implements Handler<RoutingContext> {
  private static final String PREFIX = "Bearer ";

  private final List<byte[]> tokenDigests;

  private WriteAuth(List<byte[]> tokenDigests) {
    this.tokenDigests = tokenDigests;
  }

  public static WriteAuth of(List<String> tokens) {
    List<byte[]> digests = new ArrayList<>(tokens.size());
    for (String token : tokens) {
      digests.add(sha256(token));
    }
    return new WriteAuth(Collections.unmodifiableList(digests));
  }

  public boolean enabled() {
    return !tokenDigests.isEmpty();
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (!enabled() || !isWrite(ctx.request().method())) {
      ctx.next();
      return;
    }
    String header = ctx.request().getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
      ctx.fail(ApiException.unauthorized("writes require Authorization: Bearer <token>"));
      return;
    }
    if (!accepts(header.substring(PREFIX.length()).trim())) {
      ctx.fail(ApiException.unauthorized("the bearer token is not valid"));
      return;
    }
    ctx.next();
  }

  boolean accepts(String presented) {
    byte[] digest = sha256(presented);
    boolean match = false;
    for (byte[] candidate : tokenDigests) {
      // no early exit: every configured token is compared
      match |= MessageDigest.isEqual(candidate, digest);
    }
    return match;
  }

  private static boolean isWrite(HttpMethod method) {
    return method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH
        || method == HttpMethod.DELETE;
  }

  private static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}
