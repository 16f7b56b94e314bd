package dev.pyrofn.runtime.testing;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The OpenAPI documents a module ships, checked by swagger-parser (the parser OpenAPI Generator uses), so a
 * contract that a client generator would reject fails the build instead of the team that generates from it.
 */
public final class OpenApiContracts {
  /** Where a module keeps its contracts, relative to the module directory Surefire runs in. */
  public static final Path SHIPPED = Paths.get("src/main/resources/openapi");

  private static final Map<Path, OpenAPI> RESOLVED = new ConcurrentHashMap<>();

  private OpenApiContracts() {
  }

  /** Every contract file of the module under test. */
  public static List<Path> shipped() {
    try (Stream<Path> files = Files.list(SHIPPED)) {
      return files.filter(file -> file.toString().endsWith(".yaml")).sorted().collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The parser's messages for one document: structural errors, unresolved $refs, misplaced components. */
  public static List<String> problems(Path contract) {
    SwaggerParseResult result = parse(contract);
    List<String> problems = new ArrayList<>();
    if (result.getMessages() != null) {
      problems.addAll(result.getMessages());
    }
    if (result.getOpenAPI() == null) {
      problems.add("not an OpenAPI document");
    }
    return problems;
  }

  /** The parsed document with every $ref resolved, for checking responses against its schemas. */
  public static SwaggerParseResult parse(Path contract) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    return new OpenAPIV3Parser().readLocation(contract.toAbsolutePath().toUri().toString(), null, options);
  }

  /**
   * How a real answer breaks the contract: the documented response for {@code status} (or {@code default}) of
   * {@code method} on {@code pathTemplate}, its JSON schema checked for types, required properties, enums and
   * nullability, recursively. Empty when the answer conforms. Properties the schema does not list are allowed.
   */
  public static List<String> violations(Path contract, String pathTemplate, PathItem.HttpMethod method, int status,
      Object json) {
    OpenAPI api = resolved(contract);
    PathItem path = api.getPaths() == null ? null : api.getPaths().get(pathTemplate);
    if (path == null) {
      return List.of(pathTemplate + " is not in " + contract);
    }
    Operation operation = path.readOperationsMap().get(method);
    if (operation == null) {
      return List.of(method + " " + pathTemplate + " is not in " + contract);
    }
    ApiResponse response = operation.getResponses().get(Integer.toString(status));
    if (response == null) {
      response = operation.getResponses().get("default");
    }
    if (response == null) {
      return List.of(method + " " + pathTemplate + " does not document status " + status);
    }
    MediaType media = response.getContent() == null ? null : response.getContent().get("application/json");
    if (media == null || media.getSchema() == null) {
      return List.of(method + " " + pathTemplate + " " + status + " documents no application/json schema");
    }
    List<String> violations = new ArrayList<>();
    check(media.getSchema(), json, "$", violations);
    return violations;
  }

  /** The document with every $ref resolved and inlined, parsed once per test JVM. */
  public static OpenAPI resolved(Path contract) {
    return RESOLVED.computeIfAbsent(contract.toAbsolutePath().normalize(), OpenApiContracts::resolvedFully);
  }

  private static OpenAPI resolvedFully(Path contract) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    options.setResolveFully(true);
    // Kept as allOf: merging it drops the "nullable: true" written next to it, the 3.0 way to say "this or null".
    options.setResolveCombinators(false);
    return new OpenAPIV3Parser().readLocation(contract.toAbsolutePath().toUri().toString(), null, options)
        .getOpenAPI();
  }

  private static void check(Schema<?> schema, Object value, String at, List<String> violations) {
    if (value == null) {
      if (!Boolean.TRUE.equals(schema.getNullable())) {
        violations.add(at + " is null but the contract does not mark it nullable");
      }
      return;
    }
    if (schema.getAllOf() != null) {
      for (Schema<?> part : schema.getAllOf()) {
        check(part, value, at, violations);
      }
    }
    String type = schema.getType();
    if (type == null && schema.getProperties() != null) {
      type = "object";
    }
    if (type == null) {
      return;
    }
    switch (type) {
      case "object":
        checkObject(schema, value, at, violations);
        break;
      case "array":
        if (!(value instanceof JsonArray)) {
          violations.add(at + " should be an array but is " + value);
          return;
        }
        JsonArray array = (JsonArray) value;
        for (int i = 0; i < array.size() && schema.getItems() != null; i++) {
          check(schema.getItems(), array.getValue(i), at + "[" + i + "]", violations);
        }
        break;
      case "string":
        if (!(value instanceof String)) {
          violations.add(at + " should be a string but is " + value);
        } else if (schema.getEnum() != null && !schema.getEnum().isEmpty()
            && !schema.getEnum().stream().map(String::valueOf).anyMatch(value::equals)) {
          violations.add(at + " is '" + value + "', not one of " + schema.getEnum());
        }
        break;
      case "integer":
        if (!(value instanceof Integer || value instanceof Long)) {
          violations.add(at + " should be an integer but is " + value);
        }
        break;
      case "number":
        if (!(value instanceof Number)) {
          violations.add(at + " should be a number but is " + value);
        }
        break;
      case "boolean":
        if (!(value instanceof Boolean)) {
          violations.add(at + " should be a boolean but is " + value);
        }
        break;
      default:
        break;
    }
  }

  private static void checkObject(Schema<?> schema, Object value, String at, List<String> violations) {
    if (!(value instanceof JsonObject)) {
      violations.add(at + " should be an object but is " + value);
      return;
    }
    JsonObject object = (JsonObject) value;
    if (schema.getRequired() != null) {
      for (String name : schema.getRequired()) {
        if (!object.containsKey(name)) {
          violations.add(at + "." + name + " is required but missing");
        }
      }
    }
    if (schema.getProperties() != null) {
      for (String name : schema.getProperties().keySet()) {
        if (object.containsKey(name)) {
          Schema<?> property = schema.getProperties().get(name);
          check(property, object.getValue(name), at + "." + name, violations);
        }
      }
    }
  }
}
