package dev.lamina.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lamina.spec.ComponentSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The regression metrics against hand-computed values and against scikit-learn on a committed
 * fixture ({@code regression_fixture.csv}, written by {@code make_regression_fixture.py} with
 * Debian's python3-sklearn 1.2.1), fed in batches of {@value #BATCH} rows to check the streaming.
 */
class RegressionMetricsTest {
  private static final int BATCH = 7;
  /** Relative agreement asked of every value: the sums differ from numpy's only in their order. */
  private static final double TOLERANCE = 1e-12;

  /** One fixture case: row-major targets and predictions, weights, and scikit-learn's values. */
  record Case(String name, int cols, double[] target, double[] pred, double[] weights, Map<String, double[]> expected) {
    int rows() {
      return weights.length;
    }
  }

  static List<Case> fixture() throws IOException {
    Map<String, List<double[]>> data = new LinkedHashMap<>();
    Map<String, Map<String, double[]>> expected = new LinkedHashMap<>();
    try (InputStream in = RegressionMetricsTest.class.getResourceAsStream("regression_fixture.csv")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String[] f = line.split(",");
        if (f[0].equals("data")) {
          double[] v = new double[f.length - 2];
          for (int i = 2; i < f.length; i++) {
            v[i - 2] = Double.parseDouble(f[i]);
          }
          data.computeIfAbsent(f[1], k -> new ArrayList<>()).add(v);
        } else {
          expected.computeIfAbsent(f[1], k -> new LinkedHashMap<>())
              .computeIfAbsent(f[2], k -> new double[2])[Integer.parseInt(f[3])] = Double.parseDouble(f[4]);
        }
      }
    }
    List<Case> cases = new ArrayList<>();
    for (Map.Entry<String, List<double[]>> e : data.entrySet()) {
      List<double[]> rows = e.getValue();
      int cols = (rows.get(0).length - 1) / 2;
      double[] t = new double[rows.size() * cols];
      double[] p = new double[rows.size() * cols];
      double[] w = new double[rows.size()];
      for (int r = 0; r < rows.size(); r++) {
        System.arraycopy(rows.get(r), 0, t, r * cols, cols);
        System.arraycopy(rows.get(r), cols, p, r * cols, cols);
        w[r] = rows.get(r)[2 * cols];
      }
      cases.add(new Case(e.getKey(), cols, t, p, w, expected.get(e.getKey())));
    }
    return cases;
  }

  /** Prefix of the fixture's per-output R2 ({@code r2_raw_0}, {@code r2_raw_1}, ...). */
  private static final String RAW_R2 = "r2_raw_";

  static Stream<Arguments> fixtureValues() throws IOException {
    List<Arguments> all = new ArrayList<>();
    for (Case c : fixture()) {
      for (String metric : c.expected().keySet()) {
        all.add(Arguments.of(c.name(), metric, false, c));
        all.add(Arguments.of(c.name(), metric, true, c));
      }
    }
    return all.stream();
  }

  private static Metric metric(String fixtureName) {
    ComponentSpec spec = fixtureName.equals("r2_variance_weighted")
        ? ComponentSpec.of("r2", "class_aggregation", R2Score.VARIANCE_WEIGHTED) : ComponentSpec.of(fixtureName);
    return Metrics.create(spec, "m", 3, false);
  }

  /** Feeds {@code c} in batches of {@link #BATCH} rows. */
  private static double stream(Metric m, Case c, boolean weighted) {
    m.reset();
    int cols = c.cols();
    for (int start = 0; start < c.rows(); start += BATCH) {
      int n = Math.min(BATCH, c.rows() - start);
      double[] t = java.util.Arrays.copyOfRange(c.target(), start * cols, (start + n) * cols);
      double[] p = java.util.Arrays.copyOfRange(c.pred(), start * cols, (start + n) * cols);
      double[] w = weighted ? java.util.Arrays.copyOfRange(c.weights(), start, start + n) : null;
      m.update(p, t, w, n, cols);
    }
    return m.result();
  }

  @ParameterizedTest(name = "{0}: {1}, weighted {2}")
  @MethodSource("fixtureValues")
  void matchesScikitLearnOnTheFixture(String caseName, String metric, boolean weighted, Case c) {
    double expected = c.expected().get(metric)[weighted ? 1 : 0];
    double actual;
    if (metric.startsWith(RAW_R2)) {
      // scikit-learn's multioutput="raw_values": R2Score's value of one output before aggregation.
      R2Score r2 = new R2Score();
      stream(r2, c, weighted);
      actual = r2.perOutput()[Integer.parseInt(metric.substring(RAW_R2.length()))];
    } else {
      actual = stream(metric(metric), c, weighted);
    }
    assertThat(actual).isCloseTo(expected, within(TOLERANCE * Math.max(1, Math.abs(expected))));
  }

  @Test
  void theFixtureCoversEveryRegressionMetric() throws IOException {
    List<String> names = new ArrayList<>(fixture().get(0).expected().keySet());
    for (String name : Metrics.knownNames()) {
      Metric m = Metrics.create(ComponentSpec.of(name), "m", 1, false);
      if (m.regression()) {
        String shortName = switch (name) {
          case "root_mean_squared_error" -> "rmse";
          case "r2_score" -> "r2";
          case "mean_absolute_error" -> "mae";
          case "mean_squared_error" -> "mse";
          case "mean_absolute_percentage_error" -> "mape";
          case "mean_squared_logarithmic_error" -> "msle";
          default -> name;
        };
        assertThat(names).as(name).contains(shortName);
      }
    }
  }

  @Test
  void handComputedValuesOnTwoRowsOfTwoOutputs() {
    double[] t = {1, 2, 3, 4};
    double[] p = {2, 4, 3, 1};
    // errors: row 0 (1, 2), row 1 (0, -3)
    assertThat(value("mae", p, t, null)).isEqualTo((1.5 + 1.5) / 2);
    assertThat(value("mse", p, t, null)).isEqualTo((2.5 + 4.5) / 2);
    assertThat(value("rmse", p, t, null)).isEqualTo(Math.sqrt(3.5));
    assertThat(value("mape", p, t, null)).isCloseTo(100 * (1.0 + 1.0 + 0 + 0.75) / 4, within(1e-12));
    // weights 3 and 1: (3 * 1.5 + 1 * 1.5) / 4 and (3 * 2.5 + 4.5) / 4
    assertThat(value("mae", p, t, new double[] {3, 1})).isEqualTo(1.5);
    assertThat(value("mse", p, t, new double[] {3, 1})).isEqualTo(3.0);
    // r2 per output: output 0 targets 1, 3 (mean 2, ss_tot 2), ss_res 1 -> 0.5;
    // output 1 targets 2, 4 (ss_tot 2), ss_res 4 + 9 = 13 -> -5.5; average -2.5
    assertThat(value("r2", p, t, null)).isEqualTo(-2.5);
    // cosine: row 0 (1,2).(2,4) = 1; row 1 (3,4).(3,1) = 13 / (5 * sqrt(10))
    assertThat(value("cosine_similarity", p, t, null)).isCloseTo((1 + 13 / (5 * Math.sqrt(10))) / 2, within(1e-15));
  }

  @Test
  void logCoshStaysFiniteOnHugeErrors() {
    double v = value("log_cosh", new double[] {1e6}, new double[] {0}, null);
    assertThat(v).isCloseTo(1e6 - Math.log(2), within(1e-9));
  }

  @Test
  void resetStartsAFreshEpoch() {
    Metric r2 = Metrics.create(ComponentSpec.of("r2"), "m", 1, false);
    r2.update(new double[] {0, 0}, new double[] {5, 7}, null, 2, 1);
    r2.reset();
    r2.update(new double[] {1, 2, 3}, new double[] {1, 2, 3}, null, 3, 1);
    assertThat(r2.result()).isEqualTo(1.0);
  }

  private static double value(String name, double[] p, double[] t, double[] w) {
    Metric m = Metrics.create(ComponentSpec.of(name), "m", 2, false);
    int cols = p.length == 4 ? 2 : 1;
    m.update(p, t, w, p.length / cols, cols);
    return m.result();
  }
}
