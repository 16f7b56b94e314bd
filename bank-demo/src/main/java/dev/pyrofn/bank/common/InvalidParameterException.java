package dev.pyrofn.bank.common;

/** A request parameter or body field failed validation; mapped to 400 naming the parameter. */
public final class InvalidParameterException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String parameter;

  public InvalidParameterException(String parameter, String message) {
    super(message, null, false, false);
    this.parameter = parameter;
  }

  public String parameter() {
    return parameter;
  }
}
