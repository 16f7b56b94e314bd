package dev.pyrofn.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CallerBudgetTest {
  @ParameterizedTest(name = "a caller waiting {0} ms is answered within {1} ms")
  @CsvSource({"5000, 4500", "2000, 1800", "400, 350", "100, 50", "55, 10", "1, 10"})
  void keepsATenthAndAtLeast50MsForTheWayBack(long budget, long within) {
    assertThat(CallerBudget.answerWithin(budget)).isEqualTo(within);
  }
}
