package dev.pyrofn.runtime.testing;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Requests written byte for byte on a socket, for what an HTTP client refuses to send (bad percent-encoding,
 * control characters in a header, an over-long request line); the answer is read until the server closes or the
 * announced body is complete.
 */
public final class RawHttp {
  private final String host;
  private final int port;

  public RawHttp(String host, int port) {
    this.host = host;
    this.port = port;
  }

  public static RawHttp to(String baseUrl) {
    java.net.URI uri = java.net.URI.create(baseUrl);
    return new RawHttp(uri.getHost(), uri.getPort());
  }

  /** {@code GET target} with {@code extraHeaders} (each "Name: value", written as given). */
  public Answer get(String target, String... extraHeaders) {
    StringBuilder request = new StringBuilder("GET ").append(target).append(" HTTP/1.1\r\nHost: ").append(host)
        .append("\r\nConnection: close\r\n");
    for (String header : extraHeaders) {
      request.append(header).append("\r\n");
    }
    request.append("\r\n");
    return send(request.toString().getBytes(StandardCharsets.ISO_8859_1));
  }

  public Answer send(byte[] request) {
    try (Socket socket = new Socket(host, port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request);
      out.flush();
      return Answer.read(socket.getInputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Status, headers (lower-cased names) and body of one answer. */
  public static final class Answer {
    private final int status;
    private final String head;
    private final String body;

    private Answer(int status, String head, String body) {
      this.status = status;
      this.head = head;
      this.body = body;
    }

    static Answer read(InputStream in) throws IOException {
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      byte[] chunk = new byte[8192];
      int headEnd = -1;
      int contentLength = -1;
      while (true) {
        int read;
        try {
          read = in.read(chunk);
        } catch (java.net.SocketException e) {
          break;
        }
        if (read < 0) {
          break;
        }
        all.write(chunk, 0, read);
        String text = all.toString(StandardCharsets.ISO_8859_1);
        if (headEnd < 0 && text.contains("\r\n\r\n")) {
          headEnd = text.indexOf("\r\n\r\n");
          contentLength = contentLength(text.substring(0, headEnd));
        }
        if (headEnd >= 0 && contentLength >= 0 && all.size() >= headEnd + 4 + contentLength) {
          break;
        }
      }
      String text = all.toString(StandardCharsets.UTF_8);
      int end = text.indexOf("\r\n\r\n");
      if (end < 0) {
        throw new IllegalStateException("no complete answer: '" + text + "'");
      }
      String head = text.substring(0, end);
      int status = Integer.parseInt(head.split(" ")[1]);
      return new Answer(status, head, text.substring(end + 4));
    }

    private static int contentLength(String head) {
      for (String line : head.split("\r\n")) {
        if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
          return Integer.parseInt(line.substring("content-length:".length()).trim());
        }
      }
      return -1;
    }

    public int status() {
      return status;
    }

    /** The value of header {@code name}, or null. */
    public String header(String name) {
      for (String line : head.split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
          return line.substring(colon + 1).trim();
        }
      }
      return null;
    }

    public String body() {
      return body;
    }

    public JsonObject json() {
      return new JsonObject(body);
    }

    @Override
    public String toString() {
      return status + " " + header("content-type") + " '" + body + "'";
    }
  }
}
