package dev.lamina.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The confusion matrices and per-class scores of {@link MultiClassReport} and {@link BinaryReport}
 * against scikit-learn's {@code confusion_matrix} and {@code precision_recall_fscore_support} on a
 * committed fixture ({@code classification_fixture.csv}, written by
 * {@code make_classification_fixture.py} with Debian's python3-sklearn).
 */
class ClassificationFixtureTest {
  /** One fixture case: its outputs and labels, and scikit-learn's numbers by name. */
  record Case(String name, int classes, double threshold, List<double[]> outputs, List<Double> labels,
      List<long[]> confusion, Map<String, double[]> scores) {
    double[] flatOutputs() {
      return outputs.stream().flatMapToDouble(Arrays::stream).toArray();
    }

    double[] labelArray() {
      return labels.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> fixture() throws IOException {
    Map<String, Case> cases = new LinkedHashMap<>();
    try (InputStream in = ClassificationFixtureTest.class.getResourceAsStream("classification_fixture.csv")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String[] f = line.split(",");
        if (f[0].equals("data")) {
          Case c = cases.computeIfAbsent(f[1], n -> new Case(n, Integer.parseInt(f[2]), Double.parseDouble(f[3]),
              new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new LinkedHashMap<>()));
          c.labels().add(Double.parseDouble(f[4]));
          c.outputs().add(Arrays.stream(f, 5, f.length).mapToDouble(Double::parseDouble).toArray());
        } else {
          Case c = cases.get(f[1]);
          if (f[2].equals("confusion")) {
            c.confusion().add(Arrays.stream(f, 3, f.length).mapToLong(Long::parseLong).toArray());
          } else {
            c.scores().put(f[2], Arrays.stream(f, 3, f.length).mapToDouble(Double::parseDouble).toArray());
          }
        }
      }
    }
    assertThat(cases).hasSize(3);
    return cases.values().stream();
  }

  static Stream<Case> multiClass() throws IOException {
    return fixture().filter(c -> c.outputs().get(0).length > 1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("multiClass")
  void multiClassMatrixAndPerClassScoresMatchScikitLearn(Case c) {
    MultiClassReport r = MultiClassReport.of(c.flatOutputs(), c.classes(), c.labelArray());
    assertThat(r.confusionMatrix()).isDeepEqualTo(c.confusion().toArray(long[][]::new));
    assertThat(r.precision()).containsExactly(c.scores().get("precision"), within(1e-12));
    assertThat(r.recall()).containsExactly(c.scores().get("recall"), within(1e-12));
    assertThat(r.f1()).containsExactly(c.scores().get("f1"), within(1e-12));
  }

  @Test
  void binaryMatrixAndPositiveClassScoresMatchScikitLearn() throws IOException {
    Case c = fixture().filter(x -> x.name().equals("binary")).findFirst().orElseThrow();
    BinaryReport r = BinaryReport.of(c.flatOutputs(), c.labelArray(), c.threshold());
    assertThat(r.confusionMatrix()).isDeepEqualTo(c.confusion().toArray(long[][]::new));
    assertThat(r.precision()).isCloseTo(c.scores().get("precision")[1], within(1e-12));
    assertThat(r.recall()).isCloseTo(c.scores().get("recall")[1], within(1e-12));
    assertThat(r.f1()).isCloseTo(c.scores().get("f1")[1], within(1e-12));
  }
}
