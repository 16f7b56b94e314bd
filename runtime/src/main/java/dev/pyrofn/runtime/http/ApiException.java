package dev.pyrofn.runtime.http;

/**
 * A failure with a known HTTP status and stable error code; its message is safe to show a caller.
 *
 * <p>Everything a handler rejects or an upstream refuses travels as one of these; anything else reaching the
 * failure handler is a bug and becomes a 500 without details.
 */
public final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;
  private final String field;

  private ApiException(int status, String code, String message, String field, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.code = code;
    this.field = field;
  }

  public static ApiException badRequest(String field, String message) {
    return new ApiException(400, "INVALID_PARAMETER", message, field, null);
  }

  public static ApiException badBody(String message) {
    return new ApiException(400, "INVALID_BODY", message, null, null);
  }

  public static ApiException unauthorized(String message) {
    return new ApiException(401, "UNAUTHORIZED", message, null, null);
  }

  public static ApiException notFound(String message) {
    return new ApiException(404, "NOT_FOUND", message, null, null);
  }

  public static ApiException conflict(String message) {
    return new ApiException(409, "CONFLICT", message, null, null);
  }

  public static ApiException payloadTooLarge(String message) {
    return new ApiException(413, "PAYLOAD_TOO_LARGE", message, null, null);
  }

  public static ApiException unsupportedMediaType(String message) {
    return new ApiException(415, "UNSUPPORTED_MEDIA_TYPE", message, null, null);
  }

  public static ApiException upstreamError(String message, Throwable cause) {
    return new ApiException(502, "UPSTREAM_ERROR", message, null, cause);
  }

  public static ApiException upstreamUnavailable(String message, Throwable cause) {
    return new ApiException(503, "UPSTREAM_UNAVAILABLE", message, null, cause);
  }

  public static ApiException upstreamTimeout(String message, Throwable cause) {
    return new ApiException(504, "UPSTREAM_TIMEOUT", message, null, cause);
  }

  /** For statuses without a dedicated factory (e.g. mapping an upstream's 4xx through). */
  public static ApiException of(int status, String code, String message) {
    return new ApiException(status, code, message, null, null);
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  /** The request field or parameter at fault, or null. */
  public String field() {
    return field;
  }
}
