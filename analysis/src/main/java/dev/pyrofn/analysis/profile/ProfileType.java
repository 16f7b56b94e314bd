package dev.pyrofn.analysis.profile;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Pyroscope profile type: a friendly name ({@code cpu}) and the full id the server stores
 * ({@code process_cpu:cpu:nanoseconds:cpu:nanoseconds}).
 *
 * <p>Friendly names and ids are those the Java agent writes. Any other full id (five colon-separated
 * parts, as other runtimes write) is accepted verbatim; its friendly name is then the id itself.
 */
public final class ProfileType {
  // name:sampleType:sampleUnit:periodType:periodUnit — each part a Prometheus-style token.
  private static final Pattern FULL_ID = Pattern.compile("[A-Za-z0-9_.\\-]+(:[A-Za-z0-9_.\\-]+){4}");

  private static final Map<String, ProfileType> KNOWN = new LinkedHashMap<>();
  private static final Map<String, String> ALIASES = new LinkedHashMap<>();

  public static final ProfileType CPU = register("cpu", "process_cpu:cpu:nanoseconds:cpu:nanoseconds");
  public static final ProfileType WALL = register("wall", "wall:wall:nanoseconds:wall:nanoseconds");
  public static final ProfileType ALLOC = register("alloc", "memory:alloc_in_new_tlab_bytes:bytes:space:bytes");
  public static final ProfileType ALLOC_OBJECTS =
      register("alloc_objects", "memory:alloc_in_new_tlab_objects:count:space:bytes");
  public static final ProfileType LOCK = register("lock", "mutex:contentions:count:mutex:count");
  public static final ProfileType LOCK_DELAY = register("lock_delay", "mutex:delay:nanoseconds:mutex:count");
  public static final ProfileType BLOCK = register("block", "block:contentions:count:block:count");
  public static final ProfileType BLOCK_DELAY = register("block_delay", "block:delay:nanoseconds:block:count");

  static {
    ALIASES.put("memory", "alloc");
    ALIASES.put("allocation", "alloc");
    ALIASES.put("mutex", "lock");
    ALIASES.put("contention", "lock");
    ALIASES.put("wallclock", "wall");
    ALIASES.put("wall-clock", "wall");
  }

  private final String name;
  private final String id;

  private ProfileType(String name, String id) {
    this.name = name;
    this.id = id;
  }

  private static ProfileType register(String name, String id) {
    ProfileType type = new ProfileType(name, id);
    KNOWN.put(name, type);
    return type;
  }

  /**
   * Resolves a friendly name, an alias or a full profile type id (case-insensitive for names).
   * Returns empty when the value is none of these.
   */
  public static Optional<ProfileType> parse(String value) {
    if (value == null) {
      return Optional.empty();
    }
    String trimmed = value.trim();
    String lower = trimmed.toLowerCase(Locale.ROOT);
    String canonical = ALIASES.getOrDefault(lower, lower);
    ProfileType known = KNOWN.get(canonical);
    if (known != null) {
      return Optional.of(known);
    }
    if (FULL_ID.matcher(trimmed).matches()) {
      return Optional.of(fromId(trimmed));
    }
    return Optional.empty();
  }

  /** The type for a full id; a known id maps back to its friendly name. */
  public static ProfileType fromId(String id) {
    for (ProfileType type : KNOWN.values()) {
      if (type.id.equals(id)) {
        return type;
      }
    }
    return new ProfileType(id, id);
  }

  /** Friendly names in documentation order. */
  public static Iterable<String> friendlyNames() {
    return Collections.unmodifiableSet(KNOWN.keySet());
  }

  /** Accepted aliases and the friendly name each stands for. */
  public static Map<String, String> aliases() {
    return Collections.unmodifiableMap(ALIASES);
  }

  /** A sentence naming the accepted values, for 400 answers. */
  public static String describeValid() {
    return "valid types: " + String.join(", ", KNOWN.keySet()) + " (aliases: "
        + String.join(", ", ALIASES.keySet()) + ") or a full Pyroscope profile type id";
  }

  public String name() {
    return name;
  }

  public String id() {
    return id;
  }

  /** True for the eight types the Java agent writes. */
  public boolean isKnown() {
    return KNOWN.containsKey(name);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ProfileType && ((ProfileType) o).id.equals(id);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id);
  }

  @Override
  public String toString() {
    return name;
  }
}
