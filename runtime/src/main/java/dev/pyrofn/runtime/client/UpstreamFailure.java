package dev.pyrofn.runtime.client;

import dev.pyrofn.runtime.http.ApiException;

/** One failed attempt, already mapped to the caller's error, and whether trying again could help. */
final class UpstreamFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient ApiException error;
  private final boolean transientFailure;

  UpstreamFailure(ApiException error, boolean transientFailure) {
    super(error.getMessage(), null, false, false);
    this.error = error;
    this.transientFailure = transientFailure;
  }

  ApiException error() {
    return error;
  }

  boolean isTransient() {
    return transientFailure;
  }
}
