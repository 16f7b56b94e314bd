package dev.pyrofn.sor.profiles;

import dev.pyrofn.analysis.decode.DecodedProfile;
import dev.pyrofn.analysis.hotspot.FunctionMatcher;
import dev.pyrofn.analysis.hotspot.InvalidFunctionQuery;
import dev.pyrofn.analysis.profile.FunctionStat;
import dev.pyrofn.analysis.profile.FunctionTable;
import dev.pyrofn.runtime.http.ApiException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The optional function filter of {@code GET /profiles/{app}} (v2): {@code function} and {@code match} read with
 * exactly the Fleet BOR's {@link FunctionMatcher}, so the two layers cannot disagree on what a query matches. A
 * Fleet search keeps a few rows of each app's profile; filtering here spares moving the rest between functions.
 */
final class FunctionFilter {
  static final String FUNCTION = "function";
  static final String MATCH = "match";

  private final FunctionMatcher matcher;

  private FunctionFilter(FunctionMatcher matcher) {
    this.matcher = matcher;
  }

  /**
   * The filter a request asks for; empty when it has no {@code function}. A blank {@code function}, an unknown
   * {@code match}, {@code match} alone, or a regex that is invalid or too long is a 400 naming the parameter.
   */
  static Optional<FunctionFilter> from(RoutingContext ctx) {
    String query = ctx.queryParams().get(FUNCTION);
    String match = ctx.queryParams().get(MATCH);
    if (query == null) {
      if (match != null) {
        throw ApiException.badRequest(MATCH, "'match' needs a 'function' to match");
      }
      return Optional.empty();
    }
    try {
      return Optional.of(new FunctionFilter(FunctionMatcher.fromRequest(query, match)));
    } catch (InvalidFunctionQuery e) {
      throw ApiException.badRequest(e.parameter(), e.getMessage());
    }
  }

  /** FunctionMatcher's messages start with the parameter's name; the API quotes names of parameters. */
  private static ApiException invalidFunction(IllegalArgumentException e) {
    return ApiException.badRequest(FUNCTION, "'" + e.getMessage().replaceFirst("^function", "function'"));
  }

  /**
   * The matching functions of the whole table (not of its top rows), in the table's order (self descending), at
   * most {@code limit}, and how many matched in all. CPU work on every row: call it on a worker thread.
   *
   * @throws ApiException 400 naming {@code function} when the regex exceeds its matching budget on a name
   */
  Selection select(FunctionTable table, int limit) {
    List<FunctionStat> listed = new ArrayList<>(Math.min(limit, 64));
    int matching = 0;
    try {
      for (FunctionStat stat : table.functions()) {
        if (!DecodedProfile.OTHER.equals(stat.name()) && matcher.matches(stat.name())) {
          matching++;
          if (listed.size() < limit) {
            listed.add(stat);
          }
        }
      }
    } catch (IllegalArgumentException e) {
      throw invalidFunction(e);
    }
    return new Selection(listed, matching);
  }

  /** The answer's echo of the filter, so a caller can tell a filtered answer from a whole one. */
  JsonObject echo(Selection selection) {
    return new JsonObject().put(FUNCTION, matcher.query()).put(MATCH, matcher.mode().id())
        .put("matchingFunctions", selection.matching);
  }

  /** The rows a filtered answer lists and how many functions of the profile matched (before the limit). */
  static final class Selection {
    final List<FunctionStat> listed;
    final int matching;

    private Selection(List<FunctionStat> listed, int matching) {
      this.listed = listed;
      this.matching = matching;
    }
  }
}
