package dev.lamina.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Choosing a threshold: best F1 and a target recall, at midpoints between scores. */
class ThresholdChoiceTest {
  private static final double[] SCORES = {0.9, 0.8, 0.7, 0.6, 0.4, 0.3, 0.2, 0.1};
  private static final double[] LABELS = {1, 1, 0, 1, 0, 1, 0, 0};

  @Test
  void bestF1PicksTheMidpointBelowTheBestCut() {
    // Cuts: top 1 F1 0.4, top 2 0.667, top 3 0.571, top 4 0.75, top 5 0.667, top 6 0.8, top 7 0.727.
    assertThat(ThresholdChoice.bestF1(SCORES, LABELS)).isCloseTo(0.25, within(1e-15));
  }

  @Test
  void recallTargetTakesTheHighestThresholdReachingIt() {
    // Recall 0.5 after the top 2 rows; 0.75 after the top 4; 1.0 after the top 6.
    assertThat(ThresholdChoice.forRecall(SCORES, LABELS, 0.5)).isCloseTo(0.75, within(1e-15));
    assertThat(ThresholdChoice.forRecall(SCORES, LABELS, 0.7)).isCloseTo(0.5, within(1e-15));
    assertThat(ThresholdChoice.forRecall(SCORES, LABELS, 1.0)).isCloseTo(0.25, within(1e-15));
  }

  @Test
  void theChosenThresholdGivesTheRecallItPromises() {
    double t = ThresholdChoice.forRecall(SCORES, LABELS, 0.7);
    assertThat(BinaryReport.of(SCORES, LABELS, t).recall()).isGreaterThanOrEqualTo(0.7);
  }

  @Test
  void rowsWithoutPositivesCannotChooseAThreshold() {
    assertThatThrownBy(() -> ThresholdChoice.bestF1(new double[] {0.2, 0.4}, new double[] {0, 0}))
        .hasMessageContaining("no positive label");
  }
}
