package dev.pyrofn.runtime.config;

/** A configuration problem found at start-up; the message is one line naming the variable. */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }
}
