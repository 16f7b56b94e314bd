package dev.pyrofn.sor.profiles;

import dev.pyrofn.runtime.config.ConfigException;
import java.util.Locale;

/**
 * Which Pyroscope API serves flame graphs. Discovery (apps, an app's types) always uses the Connect API: the
 * legacy {@code /pyroscope/label-values} answers only {@code __name__} correctly, so it cannot list services.
 */
public enum PyroscopeApi {
  /** {@code POST /querier.v1.QuerierService/SelectMergeStacktraces} (documented, what Grafana uses). */
  CONNECT,
  /** {@code GET /pyroscope/render} (legacy, still served by v1 and v2 servers). */
  RENDER;

  static PyroscopeApi parse(String value) {
    switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "connect":
        return CONNECT;
      case "render":
        return RENDER;
      default:
        throw new ConfigException("PYROSCOPE_API must be 'connect' or 'render', got '" + value + "'");
    }
  }
}
