package dev.pyrofn.runtime.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** Ports for tests that must not use a fixed one: free right now (bound, then released). */
public final class FreePort {
  private FreePort() {
  }

  public static int any() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A URL nothing listens on: connection refused, for "that upstream is down". */
  public static String deadUrl() {
    return "http://localhost:" + any();
  }
}
