package dev.pyrofn.analysis.hotspot;

/**
 * A {@code function} / {@code match} pair that cannot be a {@link FunctionMatcher}, with the request parameter to
 * blame and a message in the HTTP API's wording, so every route that takes the pair rejects it alike.
 */
public final class InvalidFunctionQuery extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final String parameter;

  InvalidFunctionQuery(String parameter, String message, Throwable cause) {
    super(message, cause);
    this.parameter = parameter;
  }

  /** {@code function} or {@code match}. */
  public String parameter() {
    return parameter;
  }
}
