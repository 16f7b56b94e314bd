package dev.pyrofn.bank.common;

/** A failure with a known HTTP status and error code (404 unknown account, 409 insufficient funds, 502/504 ...). */
public final class HttpStatusException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;

  public HttpStatusException(int status, String code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  public static HttpStatusException notFound(String what, String id) {
    return new HttpStatusException(404, "not_found", what + " " + id + " does not exist");
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }
}
