package dev.pyrofn.analysis.profile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One name for the same code across deploys: strips what the JVM and bytecode generators number or address anew
 * in every run, so {@code Foo$$Lambda$326/0x0000000800c0b440.apply} and {@code Foo$$Lambda$439/0x...apply} are both
 * {@code Foo$$Lambda.apply}.
 *
 * <p>Covered: lambda classes ({@code $$Lambda$N/0x…}, {@code $$Lambda.0x…}, {@code $$Lambda/0x…}), other hidden
 * class addresses ({@code LambdaForm$MH/0x…}, {@code LambdaForm$DMH.0x…}), {@code GeneratedMethodAccessorN},
 * {@code GeneratedConstructorAccessorN}, {@code GeneratedSerializationConstructorAccessorN}, {@code $ProxyN} and
 * CGLIB/ByteBuddy-style suffixes ({@code $$EnhancerByCGLIB$$hash}, {@code $$SpringCGLIB$$N},
 * {@code $ByteBuddy$hash}, {@code $HibernateProxy$hash}, {@code $MockitoMock$N}). Anything else is returned as is.
 * Used by the diff to align both windows and by Triage and Fleet Search to match frames.
 */
public final class GeneratedNames {
  private static final Pattern LAMBDA = Pattern.compile("\\$\\$Lambda(?:\\$\\d+)?(?:[/.]0x[0-9a-fA-F]+|/\\d+)?");
  private static final Pattern HIDDEN_ADDRESS = Pattern.compile("[/.]0x[0-9a-fA-F]{4,}");
  private static final Pattern LAMBDA_FORM_NUMBER = Pattern.compile("(LambdaForm\\$[A-Za-z]+)/\\d+");
  private static final Pattern ACCESSOR =
      Pattern.compile("(Generated(?:SerializationConstructor|Constructor|Method)Accessor)\\d+");
  private static final Pattern PROXY = Pattern.compile("\\$Proxy\\d+");
  private static final Pattern ENHANCER = Pattern.compile(
      "(\\$\\$?(?:EnhancerBy[A-Za-z]*|FastClassBy[A-Za-z]*|SpringCGLIB|ByteBuddy|HibernateProxy|MockitoMock))"
          + "\\$\\$?[A-Za-z0-9]+");

  private GeneratedNames() {}

  /** The deploy-independent name of a frame; the input itself when nothing in it is generated. */
  public static String canonical(String name) {
    if (!mayBeGenerated(name)) {
      return name;
    }
    String result = LAMBDA.matcher(name).replaceAll("\\$\\$Lambda");
    result = HIDDEN_ADDRESS.matcher(result).replaceAll("");
    result = LAMBDA_FORM_NUMBER.matcher(result).replaceAll("$1");
    result = ACCESSOR.matcher(result).replaceAll("$1");
    result = PROXY.matcher(result).replaceAll("\\$Proxy");
    return ENHANCER.matcher(result).replaceAll("$1");
  }

  /** True when {@code name} holds a generated part, i.e. {@link #canonical} would change it. */
  public static boolean isGenerated(String name) {
    return !canonical(name).equals(name);
  }

  /**
   * The table with generated names merged under their canonical name. Self values add up; totals add up too,
   * capped at the profile total (two generated names on one stack would otherwise count it twice). The merged row
   * keeps the name of its largest member when {@code keepRealNames}, else takes the canonical name.
   */
  public static FunctionTable canonical(FunctionTable table, boolean keepRealNames) {
    Map<String, List<FunctionStat>> byKey = new LinkedHashMap<>();
    boolean anyGenerated = false;
    for (FunctionStat stat : table.functions()) {
      String key = canonical(stat.name());
      anyGenerated |= !key.equals(stat.name());
      byKey.computeIfAbsent(key, k -> new ArrayList<>(1)).add(stat);
    }
    if (!anyGenerated) {
      return table;
    }
    List<FunctionStat> rows = new ArrayList<>(byKey.size());
    Map<String, Boolean> used = new HashMap<>();
    for (Map.Entry<String, List<FunctionStat>> group : byKey.entrySet()) {
      long self = 0;
      long total = 0;
      FunctionStat largest = group.getValue().get(0);
      for (FunctionStat stat : group.getValue()) {
        self += stat.self();
        total += stat.total();
        if (stat.total() > largest.total()) {
          largest = stat;
        }
      }
      String name = keepRealNames && used.putIfAbsent(largest.name(), true) == null ? largest.name() : group.getKey();
      rows.add(FunctionStat.of(name, self, Math.min(total, table.total()), table.total()));
    }
    return FunctionTable.of(table.total(), rows);
  }

  private static boolean mayBeGenerated(String name) {
    return name.indexOf('$') >= 0 || name.contains("0x") || name.contains("Accessor");
  }
}
