package dev.pyrofn.analysis.callsite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyrofn.analysis.collapsed.CollapsedStacks;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class CallSiteTableTest {
  private static final Predicate<String> REGEX = name -> name.startsWith("java/util/regex/Pattern.");
  private static final Predicate<String> NONE = name -> false;

  private final CallSiteTable stacks = CollapsedStacks.parseWithCallSites(String.join("\n",
      "java/lang/Thread.run;com/acme/Signup.validEmail;java/lang/String.matches;java/util/regex/Pattern.matches;"
          + "java/util/regex/Pattern.compile;java/util/regex/Pattern.<init> 25",
      "java/lang/Thread.run;com/acme/Signup.tags;java/lang/String.split;java/util/regex/Pattern.compile 10",
      "java/lang/Thread.run;com/acme/Signup.tags;com/acme/Signup.lower 5",
      "java/lang/Thread.run;com/acme/Audit.log;java/util/regex/Pattern.compile 3",
      "java/lang/Thread.run;java/util/concurrent/ThreadPoolExecutor.getTask;java/util/regex/Pattern.compile 7",
      "java/util/regex/Pattern.compile 50"), AppFrames.heuristic()).callSites();

  @Test
  void callSitesAreTheNearestApplicationFramesAboveTheOutermostMatch() {
    List<CallSite> sites = stacks.callSites(REGEX, NONE, false);
    assertThat(sites).extracting(CallSite::function).containsExactly("com/acme/Signup.validEmail", "com/acme/Signup.tags");
    assertThat(sites.get(0).value()).as("Pattern.<init> nests in compile: counted once").isEqualTo(25);
    assertThat(sites.get(0).percent()).isEqualTo(25.0);
    assertThat(sites.get(1).value()).isEqualTo(10);
  }

  @Test
  void idleAndCallerlessCostIsNeverACallSite() {
    assertThat(stacks.costUnderApplication(REGEX, NONE, false, NONE)).isEqualTo(38);
    assertThat(stacks.idleCost()).isEqualTo(7);
  }

  @Test
  void upToFiveCallSitesCoverEightyPercent() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      text.append("com/acme/C").append(i).append(".run;java/lang/String.format 10\n");
    }
    CallSiteTable even = CollapsedStacks.parseWithCallSites(text.toString(), AppFrames.heuristic()).callSites();
    assertThat(even.callSites(name -> name.equals("java/lang/String.format"), NONE, false)).hasSize(5);
  }

  @Test
  void excludedFramesAreTakenOffPerCaller() {
    CallSiteTable waits = CollapsedStacks.parseWithCallSites(String.join("\n",
        "com/acme/Ledger.post;java/util/concurrent/locks/ReentrantLock.lock;java/util/concurrent/locks/LockSupport.park 30",
        "com/acme/Mailer.send;java/lang/Thread.sleep 20"), AppFrames.heuristic()).callSites();
    Predicate<String> park = name -> name.endsWith("LockSupport.park") || name.endsWith("Thread.sleep");
    Predicate<String> lock = name -> name.endsWith("ReentrantLock.lock");
    assertThat(waits.callSites(park, NONE, false, lock)).extracting(CallSite::function)
        .containsExactly("com/acme/Mailer.send");
    assertThat(waits.costUnderApplication(park, NONE, false, lock)).isEqualTo(20);
  }

  @Test
  void entryFramesAreLibraryFramesCalledStraightFromApplicationCode() {
    assertThat(stacks.entryTotals()).containsEntry("java/lang/String.matches", 25L)
        .containsEntry("java/lang/String.split", 10L).containsEntry("java/util/regex/Pattern.compile", 3L)
        .doesNotContainKey("java/util/regex/Pattern.<init>").doesNotContainKey("com/acme/Signup.lower");
  }

  @Test
  void theEdgeTableGrowsWhileSelfAndOwnSelfAreAdded() {
    CallerEdges edges = new CallerEdges();
    long expected = 0;
    for (int function = 0; function < 5000; function++) {
      edges.addSelf(function, function + 1, 3);
      edges.addSelf(function, function, 2);
      edges.addTotal(function, function + 2, 7, false);
      expected += 12;
    }
    CallSiteTable table = edges.build(id -> "f" + id, expected);
    assertThat(table.edges()).hasSize(15000);
    assertThat(table.edges().stream().mapToLong(e -> e.self() + e.total()).sum()).isEqualTo(expected);
  }

  @Test
  void edgesStayBoundedAndKeepEveryFunctionsCost() {
    CallerEdges edges = new CallerEdges(4);
    for (int caller = 0; caller < 100; caller++) {
      edges.addTotal(1000, caller, 2, true);
    }
    assertThat(edges.size()).isLessThanOrEqualTo(5);
    CallSiteTable table = edges.build(id -> "f" + id, 200);
    assertThat(table.edges().stream().mapToLong(CallerEdge::total).sum()).isEqualTo(200);
    assertThat(table.edges()).anyMatch(edge -> edge.caller().equals(CallerEdge.TRUNCATED_CALLER));
  }
}
