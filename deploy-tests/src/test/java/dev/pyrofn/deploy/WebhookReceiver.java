package dev.pyrofn.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A webhook receiver like an operator's paging or chat integration: records every Alertmanager notification
 * (the webhook JSON, version 4) with the path it was posted to.
 */
final class WebhookReceiver implements AutoCloseable {
  /** One notification and the receiver path it arrived on ({@code /paging} or {@code /channel}). */
  static final class Notification {
    final String path;
    final JsonNode body;

    Notification(String path, JsonNode body) {
      this.path = path;
      this.body = body;
    }

    @Override
    public String toString() {
      return path + " " + body;
    }
  }

  private final HttpServer server;
  private final List<Notification> received = new ArrayList<>();

  private WebhookReceiver(HttpServer server) {
    this.server = server;
  }

  static WebhookReceiver start() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      WebhookReceiver receiver = new WebhookReceiver(server);
      server.createContext("/", exchange -> {
        try (InputStream in = exchange.getRequestBody()) {
          receiver.record(exchange.getRequestURI().getPath(), StackFiles.JSON.readTree(in));
        }
        exchange.sendResponseHeaders(200, -1);
        exchange.close();
      });
      server.start();
      return receiver;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  private synchronized void record(String path, JsonNode body) {
    received.add(new Notification(path, body));
    notifyAll();
  }

  synchronized List<Notification> received() {
    return new ArrayList<>(received);
  }

  /** The first notification matching {@code wanted}, waiting up to {@code timeoutMs} for it. */
  synchronized Notification await(Predicate<Notification> wanted, long timeoutMs, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
    while (true) {
      for (Notification notification : received) {
        if (wanted.test(notification)) {
          return notification;
        }
      }
      long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
      if (left <= 0) {
        throw new AssertionError("no webhook notification " + what + " within " + timeoutMs + " ms; received: "
            + received);
      }
      wait(left);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
