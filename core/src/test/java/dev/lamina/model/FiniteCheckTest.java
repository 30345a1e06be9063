package dev.lamina.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The trainer's finiteness check finds one bad element anywhere, in small arrays and in split large ones. */
class FiniteCheckTest {
  private static final int LARGE = FiniteCheck.PARALLEL_MIN_ELEMENTS * 3 + 5;

  private static double[][] arrays() {
    double[][] a = {new double[7], new double[LARGE]};
    for (double[] x : a) {
      for (int i = 0; i < x.length; i++) {
        x[i] = Math.sin(i) * 1e300;
      }
    }
    return a;
  }

  @ParameterizedTest(name = "{0} threads")
  @CsvSource({"1", "2", "3"})
  void finiteArraysPass(int threads) {
    FiniteCheck check = new FiniteCheck();
    check.setThreads(threads);
    assertThat(check.allFinite(arrays())).isTrue();
  }

  @ParameterizedTest(name = "{1} at array {2} element {3}, {0} threads")
  @CsvSource({
      "1, NaN, 0, 6", "2, NaN, 0, 0", "2, Infinity, 1, 0", "2, -Infinity, 1, " + (LARGE - 1),
      "3, NaN, 1, " + (LARGE / 2), "1, Infinity, 1, " + (LARGE - 1)})
  void oneNonFiniteElementFails(int threads, double bad, int array, int element) {
    FiniteCheck check = new FiniteCheck();
    check.setThreads(threads);
    double[][] a = arrays();
    a[array][element] = bad;
    assertThat(check.allFinite(a)).isFalse();
  }

  @ParameterizedTest(name = "{0} threads")
  @CsvSource({"1", "2"})
  void aFailedScanDoesNotLeakIntoTheNext(int threads) {
    FiniteCheck check = new FiniteCheck();
    check.setThreads(threads);
    double[][] a = arrays();
    a[1][10] = Double.NaN;
    assertThat(check.allFinite(a)).isFalse();
    a[1][10] = 0;
    assertThat(check.allFinite(a)).isTrue();
  }
}
