package dev.lamina.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

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
 * {@link MultiLabelReport} against scikit-learn's per-label ({@code average=None}) and macro
 * precision, recall, F1 and ROC AUC on {@code multilabel_fixture.csv}, written by
 * {@code make_multilabel_fixture.py} beside it.
 */
class MultiLabelReportTest {
  private static final double TOLERANCE = 1e-12;

  record Case(String name, int k, double[] truth, double[] scores, double[] thresholds, Map<String, Double> expected) {}

  static List<Case> fixture() throws IOException {
    String text;
    try (InputStream in = MultiLabelReportTest.class.getResourceAsStream("multilabel_fixture.csv")) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Map<String, double[]> thresholds = new LinkedHashMap<>();
    Map<String, List<double[]>> rows = new LinkedHashMap<>();
    Map<String, Map<String, Double>> expected = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      String[] f = line.split(",");
      switch (f[0]) {
        case "thresholds" -> thresholds.put(f[1], numbers(f, 2, f.length));
        case "data" -> rows.computeIfAbsent(f[1], c -> new ArrayList<>()).add(numbers(f, 2, f.length));
        case "expect" -> expected.computeIfAbsent(f[1], c -> new LinkedHashMap<>())
            .put(f[2] + "/" + f[3], Double.parseDouble(f[4]));
        default -> throw new IllegalStateException("unknown fixture row " + line);
      }
    }
    List<Case> cases = new ArrayList<>();
    for (String name : thresholds.keySet()) {
      int k = thresholds.get(name).length;
      List<double[]> data = rows.get(name);
      double[] truth = new double[data.size() * k];
      double[] scores = new double[data.size() * k];
      for (int i = 0; i < data.size(); i++) {
        System.arraycopy(data.get(i), 0, truth, i * k, k);
        System.arraycopy(data.get(i), k, scores, i * k, k);
      }
      cases.add(new Case(name, k, truth, scores, thresholds.get(name), expected.get(name)));
    }
    return cases;
  }

  private static double[] numbers(String[] f, int from, int to) {
    double[] v = new double[to - from];
    for (int i = from; i < to; i++) {
      v[i - from] = Double.parseDouble(f[i]);
    }
    return v;
  }

  static Stream<Arguments> fixtureValues() throws IOException {
    List<Arguments> all = new ArrayList<>();
    for (Case c : fixture()) {
      for (String key : c.expected().keySet()) {
        all.add(Arguments.of(c.name(), key, c));
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("fixtureValues")
  void matchesScikitLearnPerLabelAndMacro(String caseName, String key, Case c) {
    MultiLabelReport r = MultiLabelReport.of(c.scores(), c.truth(), c.k(), c.thresholds());
    String metric = key.substring(0, key.indexOf('/'));
    String label = key.substring(key.indexOf('/') + 1);
    double actual;
    if (label.equals("macro")) {
      actual = switch (metric) {
        case "precision" -> r.macroPrecision();
        case "recall" -> r.macroRecall();
        case "f1" -> r.macroF1();
        case "roc_auc" -> r.macroRocAuc();
        default -> throw new IllegalStateException(metric);
      };
    } else {
      BinaryReport one = r.label(Integer.parseInt(label));
      actual = switch (metric) {
        case "precision" -> one.precision();
        case "recall" -> one.recall();
        case "f1" -> one.f1();
        case "roc_auc" -> one.rocAuc();
        default -> throw new IllegalStateException(metric);
      };
    }
    assertThat(actual).isCloseTo(c.expected().get(key), within(TOLERANCE));
  }

  @Test
  void theFixtureHasEveryScorePerLabelAndMacroForEveryCase() throws IOException {
    for (Case c : fixture()) {
      assertThat(c.expected()).as(c.name()).hasSize(4 * (c.k() + 1));
    }
  }

  @Test
  void eachLabelIsDecidedByItsOwnThreshold() {
    // Two rows, two labels: scores 0.4 and 0.6 on both; label 0 at 0.3 flags both, label 1 at 0.5 one.
    MultiLabelReport r = MultiLabelReport.of(new double[] {0.4, 0.4, 0.6, 0.6}, new double[] {1, 0, 1, 1}, 2,
        new double[] {0.3, 0.5});
    assertThat(r.label(0).confusionMatrix()).isEqualTo(new long[][] {{0, 0}, {0, 2}});
    assertThat(r.label(1).confusionMatrix()).isEqualTo(new long[][] {{1, 0}, {0, 1}});
    assertThat(r.macroRecall()).isEqualTo(1.0);
  }

  @Test
  void refusesScoresAndLabelsOfDifferentShapes() {
    assertThatThrownBy(() -> MultiLabelReport.of(new double[4], new double[2], 2, new double[] {0.5, 0.5}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 per row");
  }
}
