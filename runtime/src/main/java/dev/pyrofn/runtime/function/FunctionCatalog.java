package dev.pyrofn.runtime.function;

import dev.pyrofn.runtime.config.ConfigException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The explicit FUNCTION value → function map of a jar. */
public final class FunctionCatalog {
  private final Map<String, FunctionSpec> specs;

  private FunctionCatalog(Map<String, FunctionSpec> specs) {
    this.specs = Collections.unmodifiableMap(specs);
  }

  public static FunctionCatalog of(List<FunctionSpec> specs) {
    Map<String, FunctionSpec> byName = new LinkedHashMap<>();
    for (FunctionSpec spec : specs) {
      if (byName.put(spec.name(), spec) != null) {
        throw new IllegalArgumentException("duplicate function " + spec.name());
      }
    }
    return new FunctionCatalog(byName);
  }

  /** A catalog holding the functions of both. */
  public FunctionCatalog plus(FunctionCatalog other) {
    List<FunctionSpec> all = new ArrayList<>(specs.values());
    all.addAll(other.specs.values());
    return of(all);
  }

  /** The function named {@code name}; a {@link ConfigException} listing the valid names otherwise. */
  public FunctionSpec find(String name) {
    if (name == null || name.isBlank()) {
      throw new ConfigException("FUNCTION is required; valid values: " + String.join(", ", names()));
    }
    FunctionSpec spec = specs.get(name.trim());
    if (spec == null) {
      throw new ConfigException("FUNCTION '" + name + "' is unknown; valid values: " + String.join(", ", names()));
    }
    return spec;
  }

  public List<String> names() {
    return new ArrayList<>(specs.keySet());
  }

  public List<FunctionSpec> specs() {
    return new ArrayList<>(specs.values());
  }
}
