package dev.pyrofn.runtime.testing;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The OpenAPI documents a module ships, checked by swagger-parser (the parser OpenAPI Generator uses), so a
 * contract that a client generator would reject fails the build instead of the team that generates from it.
 */
public final class OpenApiContracts {
  /** Where a module keeps its contracts, relative to the module directory Surefire runs in. */
  public static final Path SHIPPED = Paths.get("src/main/resources/openapi");

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
}
