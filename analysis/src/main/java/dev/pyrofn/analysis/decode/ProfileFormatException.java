package dev.pyrofn.analysis.decode;

/**
 * The bytes are not a flame graph of the expected shape: not JSON, a field of the wrong type, a level whose
 * length is not a multiple of the group size, a name index out of range, a negative value, a node outside
 * its parent. The message names the field (and the JSON location when there is one) so it can be shown to
 * whoever sent the data.
 */
public final class ProfileFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ProfileFormatException(String message) {
    super(message);
  }

  public ProfileFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
