package dev.pyrofn.analysis.diff.corpus;

import dev.pyrofn.analysis.diff.Verdict;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the labelled diff corpus from the recordings of the triage corpus (async-profiler collapsed stacks of the
 * tools/triage-corpus workloads and the bank demo), so every answer is known by construction. Deterministic: one
 * seed per case. See docs/analysis.md, "Diff corpus".
 *
 * <p>Every case compares two 60-second windows. "No change" splits one recording in two by sampling; a load change
 * scales the second half; a regression grafts the real subtree of another recording (for example everything below
 * {@code String.format} in the strings workload) under an application method, sized to a share of the current
 * window; an improvement is a regression with its windows swapped.
 *
 * <p>Labels: the expected entry frame follows the definition in docs/analysis.md, applied to the added stacks
 * alone: walking down the heaviest added stack through frames that carry at least 90% of the added cost, the first
 * frame that was (nearly) absent before (baseline cost under 10% of the added cost), else the deepest such frame.
 * The expected verdict is {@code fail} when the entry's inclusive or self share grows by 5 points or more, {@code warn} from
 * 2 points, else {@code pass}; the construction refuses a case within half a point of either line.
 */
final class DiffCorpus {
  static final Path RECORDINGS = Paths.get("src/test/resources/triage-corpus");
  static final double WINDOW_SECONDS = 60;
  private static final long ALLOC_SAMPLE_BYTES = 512 * 1024;
  private static final double CARRIES = 0.9;
  private static final double NEW_BELOW = 0.1;
  private static final double FAIL_POINTS = 5;
  private static final double WARN_POINTS = 2;
  private static final double LABEL_MARGIN = 0.5;

  private final List<DiffCase> cases = new ArrayList<>();
  private long seed = 20261130;

  static List<DiffCase> build() {
    DiffCorpus corpus = new DiffCorpus();
    corpus.cpu();
    corpus.alloc();
    corpus.wall();
    corpus.lock();
    return Collections.unmodifiableList(corpus.cases);
  }

  private void cpu() {
    Stacks fraud = recording("bank-fraud.cpu", 1);
    Stacks loan = recording("bank-loan.cpu", 1);
    Stacks payment = recording("bank-payment.cpu", 1);
    Stacks gateway = recording("bank-api-gateway.cpu", 1);
    Stacks format = recording("strings-cpu.cpu", 1).subtreeAt("java/lang/String.format");
    Stacks stringWork = recording("strings-cpu.cpu", 1).subtreeAt("StringBuilding.step");
    Stacks regex = recording("regex-cpu.cpu", 1).subtreeAt("java/util/regex/Pattern.compile");
    String fraudMethod = fraud.pathThrough(f -> f.startsWith("dev/pyrofn/bank/fraud/FraudWork"));
    String loanMethod = loan.pathThrough(f -> f.startsWith("dev/pyrofn/bank/loan/") && !f.contains("$$Lambda"));
    String gatewayMethod = gateway.pathThrough(f -> f.startsWith("dev/pyrofn/bank/gateway/")
        && !f.contains("$$Lambda"));

    noChange("cpu-no-change-fraud", "cpu", fraud);
    noChange("cpu-no-change-gateway", "cpu", gateway);
    load("cpu-load-x2", "cpu", payment, 2);
    load("cpu-load-x0.5", "cpu", payment, 0.5);
    graftAndFix("cpu-new-format", "cpu", fraud, format, fraudMethod, 0.04, false);
    graftAndFix("cpu-new-format", "cpu", fraud, format, fraudMethod, 0.15, false);
    graftAndFix("cpu-new-format", "cpu", fraud, format, fraudMethod, 0.35, true);
    graftAndFix("cpu-new-regex", "cpu", loan, regex, loanMethod, 0.35, true);
    graftAndFix("cpu-spread-new-caller", "cpu", fraud, stringWork, fraudMethod, 0.20, false);
    ownCostGrowth("cpu-own-cost-doubles", "cpu", payment, 0.03, 1.0, true);
    ownCostGrowth("cpu-small-growth", "cpu", payment, 0.03, 1.0 / 3, false);
    renamed("cpu-renamed-generated", "cpu", gateway, null, null, 0);
    renamed("cpu-renamed-generated-and-new-format", "cpu", gateway, format, gatewayMethod, 0.15);
  }

  private void alloc() {
    Stacks serialization = recording("serialization-alloc.alloc", ALLOC_SAMPLE_BYTES);
    Stacks regex = recording("regex-alloc.alloc", ALLOC_SAMPLE_BYTES).subtreeAt("java/util/regex/Pattern.compile");
    String method = serialization.pathThrough(f -> f.equals("JavaSerialization.step"));
    noChange("alloc-no-change", "alloc", serialization);
    load("alloc-load-x2", "alloc", serialization, 2);
    graftAndFix("alloc-new-regex", "alloc", serialization, regex, method, 0.15, true);
    ownCostGrowth("alloc-own-cost-doubles", "alloc", serialization, 0.08, 1.0, false);
  }

  private void wall() {
    Stacks lockWall = recording("lock-wall.wall", 1);
    Stacks sleep = recording("sleeping-wall.wall", 1).subtreeAt("java/lang/Thread.sleep");
    String method = lockWall.pathThrough(f -> f.equals("LockContention.step"));
    noChange("wall-no-change", "wall", lockWall);
    load("wall-load-x0.5", "wall", lockWall, 0.5);
    graftAndFix("wall-new-sleep", "wall", lockWall, sleep, method, 0.15, true);
    ownCostGrowth("wall-small-growth", "wall", lockWall, 0.03, 1.0 / 3, false);
  }

  private void lock() {
    Stacks lock = recording("lock-lock.lock", 1);
    Stacks lockPath = lock.subtreeAt("java/util/concurrent/locks/ReentrantLock.lock");
    // A new caller of the same lock: the ledger update the wall recording of the same workload shows.
    String method = lock.pathThrough(f -> f.equals("LockContention.step")) + ";LockContention.updateLedger";
    noChange("lock-no-change", "lock", lock);
    load("lock-load-x2", "lock", lock, 2);
    graftAndFix("lock-new-caller", "lock", lock, lockPath, method, 0.35, true);
  }

  private void noChange(String id, String type, Stacks recording) {
    Stacks[] halves = recording.split(random(), 0.5);
    add(id, type, halves[0], halves[1], Verdict.PASS, null, Collections.emptySet());
  }

  private void load(String id, String type, Stacks recording, double factor) {
    Stacks[] halves = recording.split(random(), 0.5);
    Stacks current = factor >= 1 ? halves[1].times(Math.round(factor)) : halves[1].thinned(random(), factor);
    add(id, type, halves[0], current, Verdict.PASS, null, Collections.emptySet());
  }

  /** A regression (graft at {@code share} of the current window) and, when asked, its reverse. */
  private void graftAndFix(String id, String type, Stacks recording, Stacks subtree, String underPath, double share,
      boolean withFix) {
    Stacks[] halves = recording.split(random(), 0.5);
    long graftTotal = Math.round(halves[1].total() * share / (1 - share));
    Stacks added = subtree.scaledTo(graftTotal).under(underPath);
    Stacks current = halves[1].plus(added);
    String name = id + "-" + Math.round(share * 100);
    regression(name, type, recording, halves[0], current, added);
    if (withFix) {
      add(name + "-fixed", type, current, halves[0], Verdict.PASS, null, Collections.emptySet());
    }
  }

  /** The function whose self share is nearest {@code selfShare} costs {@code growth} more on its own. */
  private void ownCostGrowth(String id, String type, Stacks recording, double selfShare, double growth,
      boolean withReverse) {
    String function = nearestSelfShare(recording, selfShare);
    Stacks[] halves = recording.split(random(), 0.5);
    Stacks leaves = halves[1].leafStacksOf(function);
    Stacks added = leaves.scaledTo(Math.round(leaves.total() * growth));
    Stacks current = halves[1].plus(added);
    regression(id, type, recording, halves[0], current, added);
    if (withReverse) {
      add(id + "-reversed", type, current, halves[0], Verdict.PASS, null, Collections.emptySet());
    }
  }

  /** A redeploy: the current window renumbers generated classes; with a graft, it also regresses. */
  private void renamed(String id, String type, Stacks recording, Stacks subtree, String underPath, double share) {
    Stacks[] halves = recording.split(random(), 0.5);
    Stacks current = halves[1].renamed(DiffCorpus::redeployName);
    if (subtree == null) {
      add(id, type, halves[0], current, Verdict.PASS, null, Collections.emptySet());
      return;
    }
    long graftTotal = Math.round(current.total() * share / (1 - share));
    Stacks graft = subtree.scaledTo(graftTotal);
    Stacks added = graft.under(redeployPath(underPath));
    // Labelled as the same graft before the redeploy: renumbering is not a change of code.
    String entry = entryOf(halves[0], graft.under(underPath));
    regression(id, type, recording, entry, halves[0], current.plus(added), added);
  }

  /**
   * Labels a regression from its construction, not from the sampled windows: the entry's inclusive share in the
   * expected current window (half the recording plus the added stacks) less its share in the whole recording.
   */
  private void regression(String id, String type, Stacks recording, Stacks baseline, Stacks current,
      Stacks added) {
    regression(id, type, recording, entryOf(baseline, added), baseline, current, added);
  }

  private void regression(String id, String type, Stacks recording, String entry, Stacks baseline, Stacks current,
      Stacks added) {
    double points = Math.max(pointsOf(recording.inclusive(), added.inclusive(), entry, recording, added),
        pointsOf(recording.self(), added.self(), entry, recording, added));
    add(id, type, baseline, current, labelOf(points, id), entry, added.frames());
  }

  private static double pointsOf(Map<String, Long> whole, Map<String, Long> extra, String entry, Stacks recording,
      Stacks added) {
    double before = whole.getOrDefault(entry, 0L);
    double after = before / 2 + extra.getOrDefault(entry, 0L);
    return 100.0 * after / (recording.total() / 2.0 + added.total()) - 100.0 * before / recording.total();
  }

  private static Verdict labelOf(double points, String id) {
    for (double line : new double[] {FAIL_POINTS, WARN_POINTS}) {
      if (Math.abs(points - line) < LABEL_MARGIN) {
        throw new IllegalStateException(id + ": the built change of " + points + " points is too close to " + line);
      }
    }
    return points >= FAIL_POINTS ? Verdict.FAIL : points >= WARN_POINTS ? Verdict.WARN : Verdict.PASS;
  }

  /** The definition of docs/analysis.md applied to the added stacks (see the class comment). */
  static String entryOf(Stacks baseline, Stacks added) {
    long addedTotal = added.total();
    Map<String, Long> carried = added.inclusive();
    Map<String, Long> before = baseline.inclusive();
    String heaviest = null;
    long heaviestValue = -1;
    for (Map.Entry<String, Long> e : added.values().entrySet()) {
      if (e.getValue() > heaviestValue) {
        heaviestValue = e.getValue();
        heaviest = e.getKey();
      }
    }
    String deepest = null;
    for (String frame : new LinkedHashSet<>(java.util.Arrays.asList(heaviest.split(";")))) {
      if (carried.get(frame) < CARRIES * addedTotal) {
        continue;
      }
      deepest = frame;
      if (before.getOrDefault(frame, 0L) < NEW_BELOW * addedTotal) {
        return frame;
      }
    }
    return deepest;
  }

  private static String nearestSelfShare(Stacks recording, double share) {
    long total = recording.total();
    String best = null;
    double bestDistance = Double.MAX_VALUE;
    for (Map.Entry<String, Long> e : recording.self().entrySet()) {
      double distance = Math.abs((double) e.getValue() / total - share);
      if (distance < bestDistance) {
        bestDistance = distance;
        best = e.getKey();
      }
    }
    return best;
  }

  private static final Pattern LAMBDA = Pattern.compile("\\$\\$Lambda\\$(\\d+)/0x([0-9a-f]+)");
  private static final Pattern ACCESSOR = Pattern.compile("(Generated(?:Method|Constructor)Accessor)(\\d+)");

  /** What a redeploy does to generated class names: new lambda numbers and addresses, new accessor numbers. */
  static String redeployName(String frame) {
    Matcher lambda = LAMBDA.matcher(frame);
    StringBuffer renamed = new StringBuffer();
    while (lambda.find()) {
      long number = Long.parseLong(lambda.group(1)) + 113;
      long address = Long.parseLong(lambda.group(2), 16) ^ 0x5a5a000L;
      lambda.appendReplacement(renamed, Matcher.quoteReplacement("$$Lambda$" + number + "/0x"
          + String.format("%016x", address)));
    }
    lambda.appendTail(renamed);
    Matcher accessor = ACCESSOR.matcher(renamed.toString());
    StringBuffer out = new StringBuffer();
    while (accessor.find()) {
      accessor.appendReplacement(out, accessor.group(1) + (Integer.parseInt(accessor.group(2)) + 6));
    }
    accessor.appendTail(out);
    return out.toString();
  }

  private static String redeployPath(String path) {
    List<String> frames = new ArrayList<>();
    for (String frame : path.split(";")) {
      frames.add(redeployName(frame));
    }
    return String.join(";", frames);
  }

  private void add(String id, String type, Stacks baseline, Stacks current, Verdict verdict, String entry,
      Set<String> changed) {
    cases.add(new DiffCase(id, type, baseline, WINDOW_SECONDS, current, WINDOW_SECONDS, verdict, entry,
        new HashSet<>(changed)));
  }

  private Random random() {
    return new Random(seed++);
  }

  private static Stacks recording(String name, long unit) {
    return Stacks.read(RECORDINGS.resolve(name + ".collapsed"), unit);
  }
}
