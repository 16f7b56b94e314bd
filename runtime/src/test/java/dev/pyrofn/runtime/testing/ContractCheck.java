package dev.pyrofn.runtime.testing;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.Json;
import io.vertx.ext.web.client.HttpResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Holds every JSON answer a test receives to the contract its function ships: the documented route is found from
 * the request's path, and the answer's status must be documented with a schema the body conforms to (successes
 * and errors alike). Answers that are not JSON (Markdown, Prometheus text) and routes documented without a JSON
 * body (liveness, readiness probes) are not checked.
 */
public final class ContractCheck {
  /**
   * Every (contract, method, route, status) a test held an answer to; with {@code -Dcontract.coverage=<file>} they
   * are appended to that file when the test JVM ends, to see which documented answers no test produces.
   */
  private static final Set<String> CHECKED = ConcurrentHashMap.newKeySet();

  static {
    String coverage = System.getProperty("contract.coverage");
    if (coverage != null) {
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          Files.write(Paths.get(coverage), new TreeSet<>(CHECKED), StandardOpenOption.CREATE,
              StandardOpenOption.APPEND);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }));
    }
  }

  private ContractCheck() {
  }

  /** Fails with every violation when {@code response} to {@code method uri} breaks {@code contract}. */
  public static void assertConforms(Path contract, HttpMethod method, String uri, HttpResponse<Buffer> response) {
    List<String> violations = violations(contract, method, uri, response);
    if (!violations.isEmpty()) {
      throw new AssertionError(method + " " + uri + " answered " + response.statusCode() + " against "
          + contract.getFileName() + ": " + violations + "\n" + response.bodyAsString());
    }
  }

  /** How {@code response} breaks {@code contract}; empty when it conforms or is not a checked JSON answer. */
  public static List<String> violations(Path contract, HttpMethod method, String uri, HttpResponse<Buffer> response) {
    String type = response.getHeader("Content-Type");
    Buffer body = response.body();
    if (type == null || !type.startsWith("application/json") || body == null || body.length() == 0) {
      return List.of();
    }
    PathItem.HttpMethod operationMethod = PathItem.HttpMethod.valueOf(method.name());
    OpenAPI api = OpenApiContracts.resolved(contract);
    List<String> templates = templatesOf(api, rawPath(uri), operationMethod);
    if (templates.isEmpty() || !documentsJson(api, templates.get(0), operationMethod, response.statusCode())) {
      return List.of();
    }
    CHECKED.add(contract.getFileName() + " " + method + " " + templates.get(0) + " " + response.statusCode());
    Object json = Json.decodeValue(body.toString());
    List<String> best = null;
    for (String template : templates) {
      List<String> violations = OpenApiContracts.violations(contract, template, operationMethod,
          response.statusCode(), json);
      if (best == null || violations.size() < best.size()) {
        best = violations;
      }
    }
    return best;
  }

  /**
   * The documented routes {@code rawPath} can be with {@code method}, literal segments first ({@code /profiles/apps}
   * before {@code /profiles/{app}}).
   */
  static List<String> templatesOf(OpenAPI api, String rawPath, PathItem.HttpMethod method) {
    List<String> matching = new ArrayList<>();
    if (api.getPaths() == null) {
      return matching;
    }
    for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
      if (path.getValue().readOperationsMap().containsKey(method) && matches(path.getKey(), rawPath)) {
        matching.add(path.getKey());
      }
    }
    matching.sort(Comparator.comparingInt(ContractCheck::parameterCount));
    if (!matching.isEmpty()) {
      int fewest = parameterCount(matching.get(0));
      matching.removeIf(template -> parameterCount(template) > fewest);
    }
    return matching;
  }

  /**
   * Whether the contract says what an answer with {@code status} looks like as JSON. An undocumented status is
   * "yes" (so the check reports it); a documented one without a JSON body (a probe's 503) is "no".
   */
  private static boolean documentsJson(OpenAPI api, String template, PathItem.HttpMethod method, int status) {
    Operation operation = api.getPaths().get(template).readOperationsMap().get(method);
    ApiResponse response = operation.getResponses().get(Integer.toString(status));
    if (response == null) {
      response = operation.getResponses().get("default");
    }
    return response == null || (response.getContent() != null
        && response.getContent().get("application/json") != null);
  }

  private static boolean matches(String template, String rawPath) {
    String regex = Pattern.quote(template).replaceAll("\\{[^}/]+}", "\\\\E[^/]+\\\\Q");
    return Pattern.matches(regex, rawPath);
  }

  private static int parameterCount(String template) {
    return template.split("\\{", -1).length - 1;
  }

  /** The path of a relative or absolute URI, still percent-encoded, without its query. */
  static String rawPath(String uri) {
    String path = uri;
    int scheme = path.indexOf("://");
    if (scheme >= 0) {
      int slash = path.indexOf('/', scheme + 3);
      path = slash < 0 ? "/" : path.substring(slash);
    }
    int query = path.indexOf('?');
    return query < 0 ? path : path.substring(0, query);
  }
}
