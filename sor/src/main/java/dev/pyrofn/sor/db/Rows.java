package dev.pyrofn.sor.db;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Small conversions shared by the row mappers. */
public final class Rows {
  private Rows() {
  }

  /** A timestamptz column as ISO-8601 with offset, in UTC (e.g. {@code 2026-11-21T10:15:30.123456Z}). */
  public static String timestamp(Row row, String column) {
    OffsetDateTime value = row.getOffsetDateTime(column);
    return value == null ? null
        : value.withOffsetSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }

  public static <T> Optional<T> first(RowSet<Row> rows, Function<Row, T> mapper) {
    var iterator = rows.iterator();
    return iterator.hasNext() ? Optional.of(mapper.apply(iterator.next())) : Optional.empty();
  }

  public static JsonArray all(RowSet<Row> rows, Function<Row, JsonObject> mapper) {
    List<JsonObject> list = new ArrayList<>(rows.size());
    for (Row row : rows) {
      list.add(mapper.apply(row));
    }
    return new JsonArray(new ArrayList<Object>(list));
  }

  /** A JSONB column as a JsonObject (empty when null). */
  public static JsonObject object(Row row, String column) {
    Object value = row.getValue(column);
    return value instanceof JsonObject ? (JsonObject) value : new JsonObject();
  }

  /** A JSONB column as a JsonArray (empty when null). */
  public static JsonArray array(Row row, String column) {
    Object value = row.getValue(column);
    return value instanceof JsonArray ? (JsonArray) value : new JsonArray();
  }
}
