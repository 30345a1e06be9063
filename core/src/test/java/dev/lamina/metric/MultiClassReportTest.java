package dev.lamina.metric;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Multi-class confusion matrix and per-class precision and recall against hand counts. */
class MultiClassReportTest {
  @Test
  void countsArgMaxPredictionsAgainstTrueClasses() {
    double[] p = {
        0.7, 0.2, 0.1, // true 0, predicted 0
        0.1, 0.8, 0.1, // true 1, predicted 1
        0.5, 0.3, 0.2, // true 1, predicted 0
        0.1, 0.1, 0.8, // true 2, predicted 2
        0.2, 0.6, 0.2, // true 2, predicted 1
    };
    MultiClassReport r = MultiClassReport.of(p, 3, new double[] {0, 1, 1, 2, 2});
    assertThat(r.confusionMatrix()).isDeepEqualTo(new long[][] {{1, 0, 0}, {1, 1, 0}, {0, 1, 1}});
    assertThat(r.precision()).containsExactly(0.5, 0.5, 1.0);
    assertThat(r.recall()).containsExactly(1.0, 0.5, 0.5);
  }
}
