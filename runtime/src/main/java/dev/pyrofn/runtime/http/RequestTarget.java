package dev.pyrofn.runtime.http;

import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Checks the request target as the client sent it, before the router decodes and normalises it: every path
 * segment and query name/value must be well-formed percent-encoding of UTF-8, and no path segment may be {@code .}
 * or {@code ..} (the router would remove it and route {@code /profiles/%2E/types} as {@code /profiles/types}).
 * A refusal is a 400 naming the parameter: the path parameter of the route template at that position, or the
 * query parameter.
 */
public final class RequestTarget {
  private final Router router;

  public RequestTarget(Router router) {
    this.router = router;
  }

  /** Route handler: fails the request with the first problem found, else lets it through. */
  public void handle(RoutingContext ctx) {
    Optional<ApiException> problem = problem(ctx);
    if (problem.isPresent()) {
      ctx.fail(problem.get());
    } else {
      ctx.next();
    }
  }

  /** The first problem of the request target, if any. */
  public Optional<ApiException> problem(RoutingContext ctx) {
    String path = ctx.request().path();
    if (path != null) {
      String[] segments = path.split("/", -1);
      for (int i = 1; i < segments.length; i++) {
        Optional<String> issue = segmentIssue(segments[i]);
        if (issue.isPresent()) {
          String field = pathParameterAt(segments, i);
          return Optional.of(ApiException.badRequest(field, "'" + field + "' " + issue.get()));
        }
      }
    }
    String query = ctx.request().query();
    if (query != null) {
      for (String pair : query.split("&")) {
        int equals = pair.indexOf('=');
        String rawName = equals < 0 ? pair : pair.substring(0, equals);
        Optional<String> name = decode(rawName.replace('+', ' '));
        if (name.isEmpty()) {
          return Optional.of(ApiException.badRequest("query", "a query parameter name is not valid "
              + "percent-encoded UTF-8"));
        }
        if (equals >= 0 && decode(pair.substring(equals + 1).replace('+', ' ')).isEmpty()) {
          return Optional.of(ApiException.badRequest(name.get(), "'" + name.get() + "' is not valid "
              + "percent-encoded UTF-8"));
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<String> segmentIssue(String raw) {
    Optional<String> decoded = decode(raw);
    if (decoded.isEmpty()) {
      return Optional.of("is not valid percent-encoded UTF-8");
    }
    if (".".equals(decoded.get()) || "..".equals(decoded.get())) {
      return Optional.of("must not be '.' or '..'");
    }
    return Optional.empty();
  }

  /**
   * The name of the path parameter at segment {@code index} in the first route template whose other literal
   * segments match; "path" when no template has a parameter there.
   */
  private String pathParameterAt(String[] segments, int index) {
    for (Route route : router.getRoutes()) {
      String template = route.getPath();
      if (template == null) {
        continue;
      }
      String[] parts = template.split("/", -1);
      if (index < parts.length && parts[index].startsWith(":") && literalsMatch(parts, segments, index)) {
        return parts[index].substring(1);
      }
    }
    return "path";
  }

  /** Literal template segments before {@code index} equal the request's (a dot segment may shift the rest). */
  private static boolean literalsMatch(String[] template, String[] segments, int index) {
    for (int i = 1; i < index; i++) {
      if (!template[i].startsWith(":") && !template[i].equals(segments[i])) {
        return false;
      }
    }
    return true;
  }

  /** Strict percent-decoding as UTF-8; empty when an escape is malformed or the bytes are not UTF-8. */
  static Optional<String> decode(String raw) {
    if (raw.indexOf('%') < 0) {
      return Optional.of(raw);
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c != '%') {
        byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        bytes.write(encoded, 0, encoded.length);
        continue;
      }
      if (i + 2 >= raw.length() || Character.digit(raw.charAt(i + 1), 16) < 0
          || Character.digit(raw.charAt(i + 2), 16) < 0) {
        return Optional.empty();
      }
      bytes.write(Character.digit(raw.charAt(i + 1), 16) * 16 + Character.digit(raw.charAt(i + 2), 16));
      i += 2;
    }
    try {
      return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }
}
