package dev.lamina.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.optim.Parameter;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The trainer's finiteness check finds one bad element anywhere, in small tensors and in split
 * large ones, in float64 and float32 parameters, in their values and their gradients.
 */
class FiniteCheckTest {
  private static final int LARGE = FiniteCheck.PARALLEL_MIN_ELEMENTS * 3 + 5;

  /** A small and a large parameter of large finite values (near the top of the precision's range). */
  private static List<Parameter> params(boolean single) {
    List<Parameter> ps = List.of(new Parameter("small", 7), new Parameter("large", LARGE));
    double scale = single ? 1e37 : 1e300;
    for (Parameter p : ps) {
      p.setSinglePrecision(single);
      double[] v = new double[p.size()];
      for (int i = 0; i < v.length; i++) {
        v[i] = Math.sin(i) * scale;
      }
      p.setValue(v);
      System.arraycopy(v, 0, p.grad(), 0, v.length);
    }
    return ps;
  }

  private static void set(Parameter p, boolean gradient, int element, double bad) {
    if (p.singlePrecision()) {
      (gradient ? p.floatGrad() : p.floatValue())[element] = (float) bad;
    } else {
      (gradient ? p.grad() : p.value())[element] = bad;
    }
  }

  @ParameterizedTest(name = "{0} threads, single {1}")
  @CsvSource({"1, false", "2, false", "3, false", "1, true", "2, true", "3, true"})
  void finiteTensorsPass(int threads, boolean single) {
    FiniteCheck check = new FiniteCheck();
    check.setThreads(threads);
    List<Parameter> ps = params(single);
    assertThat(check.allFinite(ps, true)).isTrue();
    assertThat(check.allFinite(ps, false)).isTrue();
  }

  @ParameterizedTest(name = "{1} at tensor {2} element {3}, {0} threads, single {4}, gradient {5}")
  @CsvSource({
      "1, NaN, 0, 6, false, true", "2, NaN, 0, 0, false, false", "2, Infinity, 1, 0, false, true",
      "2, -Infinity, 1, " + (LARGE - 1) + ", false, false", "3, NaN, 1, " + (LARGE / 2) + ", false, true",
      "1, Infinity, 1, " + (LARGE - 1) + ", false, true",
      "1, NaN, 0, 6, true, true", "2, NaN, 0, 0, true, false", "2, Infinity, 1, 0, true, true",
      "2, -Infinity, 1, " + (LARGE - 1) + ", true, false", "3, NaN, 1, " + (LARGE / 2) + ", true, true",
      "1, Infinity, 1, " + (LARGE - 1) + ", true, false"})
  void oneNonFiniteElementFails(int threads, double bad, int tensor, int element, boolean single, boolean gradient) {
    FiniteCheck check = new FiniteCheck();
    check.setThreads(threads);
    List<Parameter> ps = params(single);
    set(ps.get(tensor), gradient, element, bad);
    assertThat(check.allFinite(ps, gradient)).isFalse();
    assertThat(check.allFinite(ps, !gradient)).isTrue();
  }

  @ParameterizedTest(name = "{0} threads, single {1}")
  @CsvSource({"1, false", "2, false", "1, true", "2, true"})
  void aFailedScanDoesNotLeakIntoTheNext(int threads, boolean single) {
    FiniteCheck check = new FiniteCheck();
    check.setThreads(threads);
    List<Parameter> ps = params(single);
    set(ps.get(1), true, 10, Double.NaN);
    assertThat(check.allFinite(ps, true)).isFalse();
    set(ps.get(1), true, 10, 0);
    assertThat(check.allFinite(ps, true)).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"NaN", "Infinity", "-Infinity"})
  void theScanFindsABadValueAtEveryPositionOfTheVectorBodyAndTheTail(double bad) {
    int n = 133; // several 4-vector blocks of any vector length, then a scalar tail
    for (int at = 0; at < n; at++) {
      double[] d = new double[n];
      float[] f = new float[n];
      for (int i = 0; i < n; i++) {
        d[i] = i % 2 == 0 ? Double.MAX_VALUE : -1.5;
        f[i] = i % 2 == 0 ? Float.MAX_VALUE : -1.5f;
      }
      assertThat(FiniteCheck.sum(d, 0, n)).isEqualTo(0.0);
      assertThat(FiniteCheck.sum(f, 0, n)).isEqualTo(0f);
      d[at] = bad;
      f[at] = (float) bad;
      assertThat(FiniteCheck.sum(d, 0, n)).as("double, bad at %d", at).isNaN();
      assertThat(FiniteCheck.sum(f, 0, n)).as("float, bad at %d", at).isNaN();
      assertThat(FiniteCheck.sum(d, at + 1, n)).as("double, range after %d", at).isEqualTo(0.0);
    }
  }
}
