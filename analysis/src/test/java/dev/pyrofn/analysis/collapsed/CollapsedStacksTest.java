package dev.pyrofn.analysis.collapsed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyrofn.analysis.profile.CallGraph;
import dev.pyrofn.analysis.profile.FunctionStat;
import dev.pyrofn.analysis.profile.FunctionTable;
import org.junit.jupiter.api.Test;

class CollapsedStacksTest {

  private static FunctionStat row(FunctionTable table, String name) {
    return table.find(name).orElseThrow(() -> new AssertionError("no row " + name));
  }

  @Test
  void selfIsLeafCountsAndTotalCountsEachStackOnce() {
    FunctionTable table = CollapsedStacks.parse(
        "main;a;b 5\n"
            + "main;a 3\n"
            + "main;c;b 2\n");

    assertThat(table.total()).isEqualTo(10);
    assertThat(table.functions()).extracting(FunctionStat::name).containsExactly("b", "a", "main", "c");
    assertThat(row(table, "b").self()).isEqualTo(7);
    assertThat(row(table, "b").total()).isEqualTo(7);
    assertThat(row(table, "a").self()).isEqualTo(3);
    assertThat(row(table, "a").total()).isEqualTo(8);
    assertThat(row(table, "main").self()).isZero();
    assertThat(row(table, "main").total()).isEqualTo(10);
    assertThat(row(table, "main").totalPercent()).isEqualTo(100.0);
    assertThat(row(table, "c").totalPercent()).isEqualTo(20.0);
  }

  @Test
  void recursiveFunctionIsCountedOncePerStack() {
    FunctionTable table = CollapsedStacks.parse("main;f;f;f 4\nmain;f;g 6\n");

    assertThat(row(table, "f").total()).isEqualTo(10);
    assertThat(row(table, "f").self()).isEqualTo(4);
    assertThat(row(table, "g").total()).isEqualTo(6);
  }

  @Test
  void toleratesBlankLinesSpacesInNamesAndThreadNameFrames() {
    FunctionTable table = CollapsedStacks.parse(
        "\n[main tid=1];Foo.run;libjvm.so.void G1ScanCardClosure::do_oop_work<narrowOop> 3\n"
            + "   \n"
            + "[worker-1 tid=2];Foo.run 1\r\n");

    assertThat(table.total()).isEqualTo(4);
    assertThat(table.find("[main tid=1]")).isEmpty();
    assertThat(row(table, "libjvm.so.void G1ScanCardClosure::do_oop_work<narrowOop>").self()).isEqualTo(3);
    assertThat(row(table, "Foo.run").total()).isEqualTo(4);
    assertThat(row(table, "Foo.run").self()).isEqualTo(1);
  }

  @Test
  void emptyInputIsAnEmptyTable() {
    FunctionTable table = CollapsedStacks.parse("\n\n");

    assertThat(table.isEmpty()).isTrue();
    assertThat(table.size()).isZero();
  }

  @Test
  void rejectsLineWithoutCountNamingTheLine() {
    assertThatThrownBy(() -> CollapsedStacks.parse("a;b 1\na;b x\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 2")
        .hasMessageContaining("'x'");
    assertThatThrownBy(() -> CollapsedStacks.parse("lonely"))
        .hasMessageContaining("line 1");
  }

  @Test
  void callEdgesCountEachStackOnceAndRecursionOnce() {
    CallGraph calls = CollapsedStacks.parseCalls("[main tid=1];main;a;b;a;b 5\nmain;a;c 3\nmain;a;b 2\n");

    assertThat(calls.calleesOf("main")).containsEntry("a", 10L).hasSize(1);
    assertThat(calls.calleesOf("a")).containsEntry("b", 7L).containsEntry("c", 3L).hasSize(2);
    // b -> a on the first line is a recursive re-entry of a: not counted, like a's total.
    assertThat(calls.calleesOf("b")).isEmpty();
    assertThat(calls.size()).isEqualTo(3);
    assertThatThrownBy(() -> CollapsedStacks.parseCalls("main;a\n")).hasMessageContaining("line 1");
  }
}
