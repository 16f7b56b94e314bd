package dev.pyrofn.sor.profiles;

/**
 * Builds the Prometheus-style label selectors Pyroscope takes, so that no app name can change the selector.
 *
 * <p>Inside a double-quoted PromQL string only a backslash, the double quote and line breaks need escaping;
 * braces, commas and {@code =~} are plain characters there. Control characters are rejected before this point
 * ({@code Params.validAppName}), line breaks are still escaped so the selector stays one line whatever happens.
 */
public final class LabelSelector {
  public static final String SERVICE_NAME = "service_name";

  private LabelSelector() {
  }

  /** {@code {service_name="<app>"}} with the app name escaped. */
  public static String forService(String app) {
    return "{" + SERVICE_NAME + "=\"" + escape(app) + "\"}";
  }

  /** {@code <profileTypeId>{service_name="<app>"}}: the query of the legacy render API. */
  public static String renderQuery(String profileTypeId, String app) {
    return profileTypeId + forService(app);
  }

  static String escape(String value) {
    StringBuilder out = new StringBuilder(value.length() + 8);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\':
          out.append("\\\\");
          break;
        case '"':
          out.append("\\\"");
          break;
        case '\n':
          out.append("\\n");
          break;
        case '\r':
          out.append("\\r");
          break;
        default:
          out.append(c);
      }
    }
    return out.toString();
  }
}
