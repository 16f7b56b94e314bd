package dev.pyrofn.analysis.triage;

import dev.pyrofn.analysis.callsite.CallSite;
import dev.pyrofn.analysis.profile.FunctionStat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One catalog entry: a frame signature plus a share threshold, evaluated over a whole function table.
 *
 * <p>How the share is computed from a function table (which has no stacks, so totals of different functions
 * overlap):
 * <ul>
 *   <li>{@code self}: sum of the self values of matching frames — exact, a sample has one leaf.
 *   <li>{@code total}: the union of samples under any matching frame is estimated from below as
 *       {@code max(largest matching total, sum of matching selfs)}; both are subsets of the union. It is exact when
 *       one matching frame encloses the others (the usual case: {@code Pattern.compile} calls
 *       {@code Pattern.<init>}) and never double counts nested frames. Frames in {@code selfFrames} contribute
 *       only their self value (for entry points like {@code Method.invoke} whose total includes the callee's work).
 *   <li>{@code top_self}: the largest self value of one matching frame.
 * </ul>
 * Samples under an {@code exclude} frame (idle pool threads, event-loop waits) are then taken off. Exclusions come
 * in groups of frames that nest inside one another ({@code ThreadPoolExecutor.getTask} calls
 * {@code LinkedBlockingQueue.take}); a group counts its largest total, groups are assumed disjoint (different
 * threads) and summed. This over-estimates the idle part when groups overlap, so the remaining share errs low
 * rather than reporting idle threads as a problem.
 *
 * <p>When the profile comes with its stacks ({@link dev.pyrofn.analysis.callsite.CallSiteTable}), every finding
 * names its call sites: the application frames through which the matching frames' cost arrives. A rule with a
 * {@link StackScope} other than {@code none} also measures from the stacks, where the position of a frame
 * decides the diagnosis (a park under a request handler versus a park in an idle pool).
 */
public final class Rule {
  private static final int MAX_FRAMES_REPORTED = 10;

  private final String id;
  private final String title;
  private final Set<String> profileTypes;
  private final Measure measure;
  private final List<FrameSignature> frames;
  private final List<FrameSignature> selfFrames;
  /** Idle patterns; each inner list is a group of frames that nest inside each other (see class doc). */
  private final List<List<FrameSignature>> exclude;
  /** Only application frames (outside the JDK and native code) can match. */
  private final boolean applicationOnly;
  private final boolean fallback;
  /** How the rule measures when stacks are known. */
  private final StackScope stackScope;
  private final Levels levels;
  private final String recommendation;

  private Rule(Builder b) {
    this.id = b.id;
    this.title = b.title;
    this.profileTypes = Collections.unmodifiableSet(b.profileTypes);
    this.measure = b.measure;
    this.frames = Collections.unmodifiableList(b.frames);
    this.selfFrames = Collections.unmodifiableList(b.selfFrames);
    this.exclude = Collections.unmodifiableList(b.exclude);
    this.applicationOnly = b.applicationOnly;
    this.fallback = b.fallback;
    this.stackScope = b.stackScope;
    this.levels = b.levels;
    this.recommendation = b.recommendation;
  }

  public static Builder builder(String id) {
    return new Builder(id);
  }

  public String id() {
    return id;
  }

  public Set<String> profileTypes() {
    return profileTypes;
  }

  /** Evaluated only when no other rule found anything in the profile. */
  public boolean fallback() {
    return fallback;
  }

  public String recommendation() {
    return recommendation;
  }

  public boolean appliesTo(String profileType) {
    return profileTypes.contains(profileType);
  }

  Optional<Finding> evaluate(TableView view, StackView stacks, String profileType) {
    if (view.total() <= 0) {
      return Optional.empty();
    }
    Tally tally = tally(view);
    long value = stacks.present() && stackScope != StackScope.NONE ? measureOnStacks(view, stacks, tally)
        : Math.max(0, tally.value(measure) - Math.min(tally.excluded(), view.total()));
    double share = FunctionStat.percent(value, view.total());
    double score = levels.score(share);
    if (score <= 0) {
      return Optional.empty();
    }
    List<FrameShare> shown = tally.topFrames();
    List<CallSite> sites = stacks.present() ? callSites(view, stacks, tally) : List.of();
    return Optional.of(Finding.builder().rule(id, title).profileType(profileType).measured(share, score)
        .functions(shown).callSites(sites).recommendation(recommend(shown, share, sites)).build());
  }

  private long measureOnStacks(TableView view, StackView stacks, Tally tally) {
    if (stackScope == StackScope.IDLE) {
      return stacks.table().idleCost();
    }
    return Math.min(view.total(), stacks.table().costUnderApplication(
        name -> matchesFrame(view, stacks, name, tally), name -> matchesSelfFrame(stacks, name),
        measure != Measure.TOTAL, name -> matchesExcluded(stacks, name)));
  }

  /** Stack-scoped rules take their exclusions off per caller; the others name call sites of all matching cost. */
  private List<CallSite> callSites(TableView view, StackView stacks, Tally tally) {
    return stacks.table().callSites(name -> matchesFrame(view, stacks, name, tally),
        name -> matchesSelfFrame(stacks, name), measure != Measure.TOTAL,
        name -> stackScope == StackScope.APPLICATION && matchesExcluded(stacks, name));
  }

  private boolean matchesExcluded(StackView stacks, String name) {
    String normalized = stacks.normalized(name);
    for (List<FrameSignature> group : exclude) {
      if (matchesAny(group, normalized)) {
        return true;
      }
    }
    return false;
  }

  /** For {@code top_self} only the single hottest frame is the finding; otherwise every matching frame. */
  private boolean matchesFrame(TableView view, StackView stacks, String name, Tally tally) {
    if (measure == Measure.TOP_SELF) {
      return name.equals(tally.topSelfName);
    }
    return matchesAny(frames, stacks.normalized(name)) && (!applicationOnly || view.isApplicationName(name));
  }

  private boolean matchesSelfFrame(StackView stacks, String name) {
    return !selfFrames.isEmpty() && matchesAny(selfFrames, stacks.normalized(name));
  }

  private Tally tally(TableView view) {
    Tally tally = new Tally(exclude.size());
    for (int i = 0; i < view.size(); i++) {
      String name = view.normalized(i);
      FunctionStat row = view.row(i);
      for (int g = 0; g < exclude.size(); g++) {
        if (matchesAny(exclude.get(g), name)) {
          tally.excludeGroupMax[g] = Math.max(tally.excludeGroupMax[g], row.total());
        }
      }
      if (matchesAny(frames, name) && (!applicationOnly || view.isApplication(i))) {
        tally.addMatch(row, measure == Measure.TOTAL);
      } else if (matchesAny(selfFrames, name)) {
        tally.addMatch(row, false);
      }
    }
    return tally;
  }

  private String recommend(List<FrameShare> shown, double share, List<CallSite> sites) {
    String hottest = shown.isEmpty() ? "" : shown.get(0).name();
    String text = recommendation.replace("{function}", hottest)
        .replace("{percent}", String.format(Locale.ROOT, "%.1f%%", share));
    if (sites.isEmpty()) {
      return text.replace("{callSite}", hottest);
    }
    String named = CallSiteSentence.name(sites);
    return text.contains("{callSite}") ? text.replace("{callSite}", named) : text + " " + CallSiteSentence.of(sites);
  }

  private static boolean matchesAny(List<FrameSignature> signatures, String normalizedName) {
    // Indexed: called per rule per row, over lists of several classes, where the JIT kept each for-each iterator
    // as an allocation (JFR allocation samples of the mixed load run); every list here is random access.
    for (int i = 0; i < signatures.size(); i++) {
      if (signatures.get(i).matchesNormalized(normalizedName)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return id + profileTypes;
  }

  /** Running sums over the matching rows of one table. */
  private static final class Tally {
    private long sumSelf;
    private long maxTotal;
    private long topSelf;
    private String topSelfName;
    private final long[] excludeGroupMax;
    private final List<FrameShare> matched = new ArrayList<>();

    Tally(int excludeGroups) {
      this.excludeGroupMax = new long[excludeGroups];
    }

    long excluded() {
      long sum = 0;
      for (long groupMax : excludeGroupMax) {
        sum += groupMax;
      }
      return sum;
    }

    void addMatch(FunctionStat row, boolean inclusive) {
      sumSelf += row.self();
      if (topSelfName == null || row.self() > topSelf) {
        topSelf = row.self();
        topSelfName = row.name();
      }
      if (inclusive) {
        maxTotal = Math.max(maxTotal, row.total());
      }
      double share = inclusive ? row.totalPercent() : row.selfPercent();
      if (share > 0) {
        matched.add(FrameShare.of(row.name(), share));
      }
    }

    long value(Measure measure) {
      switch (measure) {
        case SELF:
          return sumSelf;
        case TOP_SELF:
          return topSelf;
        default:
          return Math.max(maxTotal, sumSelf);
      }
    }

    List<FrameShare> topFrames() {
      matched.sort(Comparator.comparingDouble(FrameShare::percent).reversed().thenComparing(FrameShare::name));
      return new ArrayList<>(matched.subList(0, Math.min(MAX_FRAMES_REPORTED, matched.size())));
    }
  }

  /** Validating builder; the catalog loader names the JSON field in its messages. */
  public static final class Builder {
    private final String id;
    private String title;
    private Set<String> profileTypes = Collections.emptySet();
    private Measure measure = Measure.TOTAL;
    private List<FrameSignature> frames = Collections.emptyList();
    private List<FrameSignature> selfFrames = Collections.emptyList();
    private List<List<FrameSignature>> exclude = Collections.emptyList();
    private boolean applicationOnly;
    private boolean fallback;
    private StackScope stackScope = StackScope.NONE;
    private Levels levels;
    private String recommendation;

    private Builder(String id) {
      this.id = id;
    }

    public Builder title(String value) {
      this.title = value;
      return this;
    }

    public Builder profileTypes(Set<String> value) {
      this.profileTypes = value;
      return this;
    }

    public Builder measure(Measure value) {
      this.measure = value;
      return this;
    }

    public Builder frames(List<FrameSignature> value) {
      this.frames = value;
      return this;
    }

    public Builder selfFrames(List<FrameSignature> value) {
      this.selfFrames = value;
      return this;
    }

    public Builder exclude(List<List<FrameSignature>> value) {
      this.exclude = value;
      return this;
    }

    public Builder applicationOnly(boolean value) {
      this.applicationOnly = value;
      return this;
    }

    public Builder fallback(boolean value) {
      this.fallback = value;
      return this;
    }

    public Builder stackScope(StackScope value) {
      this.stackScope = value;
      return this;
    }

    public Builder levels(Levels value) {
      this.levels = value;
      return this;
    }

    public Builder recommendation(String value) {
      this.recommendation = value;
      return this;
    }

    public Rule build() {
      if (id == null || !id.matches("[a-z][a-z0-9_]*")) {
        throw new IllegalArgumentException("id must be lower_snake_case, got '" + id + "'");
      }
      require(title != null && !title.isBlank(), "title");
      require(!profileTypes.isEmpty(), "profileTypes");
      require(!frames.isEmpty() || !selfFrames.isEmpty(), "frames");
      require(levels != null, "levels");
      require(recommendation != null && !recommendation.isBlank(), "recommendation");
      Objects.requireNonNull(measure, "measure");
      Objects.requireNonNull(stackScope, "stacks");
      return new Rule(this);
    }

    private void require(boolean condition, String field) {
      if (!condition) {
        throw new IllegalArgumentException("rule '" + id + "': " + field + " is required");
      }
    }
  }
}
