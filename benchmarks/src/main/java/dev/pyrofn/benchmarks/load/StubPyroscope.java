package dev.pyrofn.benchmarks.load;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in Pyroscope for load tests: answers the Connect API the Profile Data SOR uses after a fixed delay
 * (default 20 ms, like a healthy Pyroscope on a warm window), with pre-built flame graphs for {@code apps} services
 * ({@code app-0} …) of about {@code functions} functions each. Windows starting in an even hour get one variant,
 * odd hours another, so a diff has something to find.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.pyrofn.benchmarks.load.StubPyroscope [port=4041] [delayMs=20]
 * [apps=50] [functions=120]}
 */
public final class StubPyroscope {
  private static final Pattern SERVICE = Pattern.compile("service_name=\"([^\"]*)\"");
  private static final String[] SHARED = {"java/util/regex/Pattern.compile", "java/util/HashMap.resize",
      "com/fasterxml/jackson/databind/ObjectMapper.writeValueAsString", "java/lang/Throwable.fillInStackTrace",
      "java/security/MessageDigest.digest"};

  private final long delayMs;
  private Vertx vertx;
  private final Map<String, Buffer[]> profiles = new HashMap<>();
  private final Buffer apps;

  private StubPyroscope(int appCount, int functions, long delayMs) {
    this.delayMs = delayMs;
    JsonArray names = new JsonArray();
    for (int i = 0; i < appCount; i++) {
      String app = "app-" + i;
      names.add(app);
      profiles.put(app, new Buffer[] {flameGraph(app, functions, 0), flameGraph(app, functions, 1)});
    }
    this.apps = new JsonObject().put("names", names).toBuffer();
  }

  public static void main(String[] args) {
    int port = arg(args, 0, 4041);
    long delay = arg(args, 1, 20);
    StubPyroscope stub = new StubPyroscope(arg(args, 2, 50), arg(args, 3, 120), delay);
    Vertx vertx = Vertx.vertx();
    stub.vertx = vertx;
    vertx.createHttpServer().requestHandler(stub::handle).listen(port)
        .onSuccess(s -> System.out.println("stub Pyroscope on http://localhost:" + s.actualPort() + " delay "
            + delay + " ms"))
        .onFailure(e -> {
          e.printStackTrace();
          System.exit(1);
        });
  }

  private void handle(HttpServerRequest request) {
    request.body().onSuccess(body -> {
      Buffer answer = answer(request.path(), body);
      vertx.setTimer(delayMs, id -> request.response().putHeader("Content-Type", "application/json")
          .setStatusCode(answer == null ? 404 : 200).end(answer == null ? Buffer.buffer("{}") : answer));
    });
  }

  private Buffer answer(String path, Buffer body) {
    if (path.endsWith("/LabelValues")) {
      return apps;
    }
    if (path.endsWith("/ProfileTypes")) {
      return Buffer.buffer("{\"profileTypes\":[]}");
    }
    if (!path.endsWith("/SelectMergeStacktraces")) {
      return null;
    }
    JsonObject query = body.toJsonObject();
    Matcher service = SERVICE.matcher(query.getString("labelSelector", ""));
    Buffer[] variants = service.find() ? profiles.get(service.group(1)) : null;
    if (variants == null) {
      return Buffer.buffer("{\"flamegraph\":{}}");
    }
    long hour = query.getLong("start", 0L) / 3_600_000L;
    return variants[(int) (hour % 2)];
  }

  /** root → main → handlers → leaves; leaf weights vary by app and variant, a few shared hot frames everywhere. */
  static Buffer flameGraph(String app, int functions, int variant) {
    Random random = new Random(app.hashCode() * 31L + variant);
    int handlers = Math.max(1, functions / 10);
    List<String> names = new ArrayList<>();
    names.add("total");
    names.add("main");
    List<long[]> leaves = new ArrayList<>();
    long total = 0;
    for (int h = 0; h < handlers; h++) {
      names.add("com/bank/" + app.replace('-', '_') + "/Handler" + h + ".handle");
    }
    int leafCount = functions - handlers - 2;
    for (int l = 0; l < leafCount; l++) {
      String name = l < SHARED.length ? SHARED[l] : "com/bank/" + app.replace('-', '_') + "/Work.step" + l;
      names.add(name);
      long value = 1 + random.nextInt(l < SHARED.length ? 400 + variant * 300 : 200);
      leaves.add(new long[] {l % handlers, names.size() - 1, value});
      total += value;
    }
    return encode(names, handlers, leaves, total);
  }

  private static Buffer encode(List<String> names, int handlers, List<long[]> leaves, long total) {
    long[] handlerTotals = new long[handlers];
    for (long[] leaf : leaves) {
      handlerTotals[(int) leaf[0]] += leaf[2];
    }
    JsonArray levels = new JsonArray();
    levels.add(level(0, total, 0, 0));
    levels.add(level(0, total, 0, 1));
    JsonArray handlerLevel = new JsonArray();
    JsonArray leafLevel = new JsonArray();
    for (int h = 0; h < handlers; h++) {
      handlerLevel.addAll(values(0, handlerTotals[h], 0, 2 + h));
      for (long[] leaf : leaves) {
        if (leaf[0] == h) {
          // Leaves of one handler are contiguous and start where it starts, so each offset is 0.
          leafLevel.addAll(values(0, leaf[2], leaf[2], (int) leaf[1]));
        }
      }
    }
    levels.add(new JsonObject().put("values", handlerLevel));
    levels.add(new JsonObject().put("values", leafLevel));
    return new JsonObject().put("flamegraph", new JsonObject().put("names", new JsonArray(new ArrayList<Object>(names)))
        .put("levels", levels).put("total", Long.toString(total)).put("maxSelf", "0")).toBuffer();
  }

  private static JsonObject level(long offset, long total, long self, int name) {
    return new JsonObject().put("values", values(offset, total, self, name));
  }

  private static JsonArray values(long offset, long total, long self, int name) {
    return new JsonArray().add(Long.toString(offset)).add(Long.toString(total)).add(Long.toString(self))
        .add(Integer.toString(name));
  }

  private static int arg(String[] args, int index, int defaultValue) {
    return args.length > index ? Integer.parseInt(args[index]) : defaultValue;
  }
}
