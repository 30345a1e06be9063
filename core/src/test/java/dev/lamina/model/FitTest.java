package dev.lamina.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.spec.CompileSpec;
import dev.lamina.spec.ComponentSpec;
import dev.lamina.spec.ModelSpec;
import dev.lamina.train.Callback;
import dev.lamina.train.Dataset;
import dev.lamina.train.Fit;
import dev.lamina.train.History;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FitTest {
  private final double[][] x = Fixtures.features(400, 11, 5);
  private final double[] y = Fixtures.labels(x, 5);

  @Test
  void historyHasLossMetricsAndValidationKeysPerEpoch() {
    Model m = Model.of(Fixtures.churn("he_uniform", 1));
    History h = m.fit(x, y, Fit.epochs(3).batchSize(16).validationSplit(0.25));
    assertThat(h.keys()).containsExactly("loss", "accuracy", "val_loss", "val_accuracy");
    assertThat(h.get("loss")).hasSize(3);
    assertThat(h.epochs()).isEqualTo(3);
  }

  @Test
  void validationSplitTakesTheLastRowsBeforeShuffling() {
    Fit fit = Fit.epochs(2).batchSize(8).validationSplit(0.25);
    Model a = Model.of(Fixtures.churn("he_uniform", 3));
    History withSplit = a.fit(x, y, fit);
    Model b = Model.of(Fixtures.churn("he_uniform", 3));
    Dataset all = Dataset.of(x, y);
    History explicit = b.fit(all.slice(0, 300), all.slice(300, 400), fit.validationSplit(0));
    assertThat(withSplit.asMap()).isEqualTo(explicit.asMap());
  }

  @Test
  void lastPartialBatchIsKeptSoStepsAreTheCeilingOfRowsOverBatch() {
    Model m = Model.of(Fixtures.churn("he_uniform", 1));
    List<Integer> steps = new ArrayList<>();
    m.fit(x, y, Fit.epochs(1).batchSize(30), new Callback() {
      @Override
      public void onTrainBegin(dev.lamina.train.TrainingContext c, int epochs, int stepsPerEpoch) {
        steps.add(stepsPerEpoch);
      }

      @Override
      public void onBatchEnd(int epoch, int batch, double batchLoss, double runningLoss) {
        steps.add(batch);
      }
    });
    assertThat(steps.get(0)).isEqualTo(14); // ceil(400 / 30)
    assertThat(steps).hasSize(15);
  }

  @Test
  void epochLossIsTheBatchSizeWeightedMeanOfBatchLosses() {
    Model m = Model.of(Fixtures.churn("he_uniform", 1));
    List<double[]> batches = new ArrayList<>();
    History h = m.fit(x, y, Fit.epochs(1).batchSize(64), new Callback() {
      @Override
      public void onBatchEnd(int epoch, int batch, double batchLoss, double runningLoss) {
        batches.add(new double[] {batchLoss, runningLoss});
      }
    });
    double sum = 0;
    for (int b = 0; b < batches.size(); b++) {
      sum += batches.get(b)[0] * (b < 6 ? 64 : 16);
    }
    assertThat(h.last("loss")).isCloseTo(sum / 400, org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void trainingLowersTheLossOnALearnableProblem() {
    Model m = Model.of(Fixtures.churn("he_uniform", 2));
    History h = m.fit(x, y, Fit.epochs(30).batchSize(16));
    assertThat(h.last("loss")).isLessThan(h.get("loss").get(0) * 0.7);
    assertThat(h.last("accuracy")).isGreaterThan(0.85);
  }

  @Test
  void evaluateReportsLossAndMetricsLikeValidation() {
    Model m = Model.of(Fixtures.churn("he_uniform", 2));
    m.fit(x, y, Fit.epochs(2).batchSize(16));
    Map<String, Double> r = m.evaluate(x, y);
    assertThat(r).containsOnlyKeys("loss", "accuracy");
    assertThat(r.get("accuracy")).isBetween(0.0, 1.0);
  }

  @Test
  void predictClassesUsesAStrictHalfThreshold() {
    Model m = Model.of(new ModelSpec("t", 1L, List.of(Fixtures.dense(1, "sigmoid", "zeros", 2)),
        new CompileSpec(ComponentSpec.of("sgd"), ComponentSpec.of("binary_crossentropy"), List.of())));
    // zero weights and bias: every probability is exactly 0.5, which is not > 0.5
    assertThat(m.predictProbabilities(new double[][] {{1, 2}})).containsExactly(0.5);
    assertThat(m.predictClasses(new double[][] {{1, 2}, {3, 4}})).containsExactly(0, 0);
    assertThat(m.predictClasses(new double[][] {{1, 2}}, 0.4)).containsExactly(1);
  }

  @Test
  void inputWidthIsInferredFromTheDataWhenNotDeclared() {
    ModelSpec spec = new ModelSpec("infer", 1L, List.of(Fixtures.dense(4, "relu", "he_uniform"),
        Fixtures.dense(1, "sigmoid", "glorot_uniform")),
        new CompileSpec(ComponentSpec.of("adam"), ComponentSpec.of("binary_crossentropy"), List.of()));
    Model m = Model.of(spec);
    assertThat(m.isBuilt()).isFalse();
    m.fit(x, y, Fit.epochs(1));
    assertThat(m.inputWidth()).isEqualTo(11);
    assertThat(m.resolvedSpec().layers().get(0)).hasFieldOrPropertyWithValue("inputDim", 11);
  }

  @Test
  void multiClassSoftmaxTrainsWithOneHotTargets() {
    double[][] yy = new double[x.length][3];
    for (int i = 0; i < x.length; i++) {
      yy[i][x[i][0] > 0.5 ? 2 : x[i][0] > -0.5 ? 1 : 0] = 1;
    }
    ModelSpec spec = new ModelSpec("multi", 1L, List.of(Fixtures.dense(8, "relu", "he_uniform", 11),
        Fixtures.dense(3, "softmax", "glorot_uniform")),
        new CompileSpec(ComponentSpec.of("adam", "learning_rate", 0.01), ComponentSpec.of("categorical_crossentropy"),
            List.of(ComponentSpec.of("accuracy"))));
    Model m = Model.of(spec);
    History h = m.fit(x, yy, Fit.epochs(40).batchSize(32));
    assertThat(h.last("accuracy")).isGreaterThan(0.9);
    assertThat(m.predictClasses(new double[][] {x[0]})[0]).isBetween(0, 2);
  }
}
