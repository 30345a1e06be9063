package dev.lamina.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamina.spec.ComponentSpec;
import dev.lamina.spec.SpecException;
import dev.lamina.train.Callback;
import dev.lamina.train.Callbacks;
import dev.lamina.train.EarlyStopping;
import dev.lamina.train.Fit;
import dev.lamina.train.History;
import dev.lamina.train.TerminateOnNaN;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CallbacksTest {
  private final double[][] x = Fixtures.features(200, 11, 8);
  private final double[] y = Fixtures.labels(x, 8);

  /** Feeds a scripted sequence of val_loss values to a callback, as the trainer would. */
  private static int stopEpoch(Callback cb, double... valLoss) {
    boolean[] stop = {false};
    cb.onTrainBegin(new FakeContext(stop, key -> null), valLoss.length, 1);
    for (int e = 0; e < valLoss.length; e++) {
      cb.onEpochEnd(e, new java.util.HashMap<>(Map.of("val_loss", valLoss[e])));
      if (stop[0]) {
        return e;
      }
    }
    return -1;
  }

  @Test
  void earlyStoppingStopsAfterPatienceEpochsWithoutImprovement() {
    EarlyStopping es = (EarlyStopping) Callbacks.create(ComponentSpec.of("early_stopping", "patience", 2), "cb");
    assertThat(stopEpoch(es, 1.0, 0.9, 0.95, 0.91, 0.8)).isEqualTo(3);
    assertThat(es.bestEpoch()).isEqualTo(1);
  }

  @Test
  void earlyStoppingMinDeltaRequiresAClearImprovement() {
    Callback es = Callbacks.create(ComponentSpec.of("early_stopping", "patience", 1, "min_delta", 0.1), "cb");
    assertThat(stopEpoch(es, 1.0, 0.95)).isEqualTo(1);
  }

  @Test
  void earlyStoppingWithRestoreBestWeightsEndsWithTheBestEpochsWeights() {
    Model m = Model.of(Fixtures.churn("he_uniform", 4));
    double[][][] best = new double[1][][];
    double[] bestLoss = {Double.POSITIVE_INFINITY};
    Callback recorder = new Callback() {
      private dev.lamina.train.TrainingContext ctx;

      @Override
      public void onTrainBegin(dev.lamina.train.TrainingContext c, int epochs, int steps) {
        ctx = c;
      }

      @Override
      public void onEpochEnd(int epoch, Map<String, Double> logs) {
        if (logs.get("val_loss") < bestLoss[0]) {
          bestLoss[0] = logs.get("val_loss");
          best[0] = ctx.snapshotWeights();
        }
      }
    };
    m.fit(x, y, Fit.epochs(15).batchSize(8).validationSplit(0.3)
        .callbacks(ComponentSpec.of("early_stopping", "patience", 3, "restore_best_weights", true)), recorder);
    assertThat(m.weights()).isDeepEqualTo(best[0]);
  }

  @Test
  void reduceLrOnPlateauMultipliesTheRateByFactorAndLogsIt() {
    Model m = Model.of(Fixtures.churn("he_uniform", 4));
    History h = m.fit(x, y, Fit.epochs(6).batchSize(50).validationSplit(0.3)
        .callbacks(ComponentSpec.of("reduce_lr_on_plateau", "patience", 1, "factor", 0.5, "min_delta", 10.0)));
    // min_delta 10 means no epoch after the first improves, so from epoch 2 on the rate halves at
    // every epoch end; as in Keras, each epoch logs the rate it trained with (before reducing)
    assertThat(h.get("learning_rate")).containsExactly(0.001, 0.001, 0.0005, 0.00025, 0.000125, 0.0000625);
    assertThat(m.optimizer().currentLearningRate()).isEqualTo(0.00003125);
  }

  @Test
  void reduceLrOnPlateauRejectsAFactorOfOneOrMore() {
    assertThatThrownBy(() -> Callbacks.create(ComponentSpec.of("reduce_lr_on_plateau", "factor", 1.5), "fit.callbacks[0]"))
        .isInstanceOf(SpecException.class).hasMessageContaining("factor must be in (0, 1)");
  }

  @Test
  void modelCheckpointSavesEachEpochWithTheEpochInTheName(@TempDir Path dir) {
    Model m = Model.of(Fixtures.churn("he_uniform", 4));
    String pattern = dir.resolve("ckpt-{epoch:02d}.weights").toString();
    m.fit(x, y, Fit.epochs(3).batchSize(50).callbacks(ComponentSpec.of("model_checkpoint", "filepath", pattern, "monitor", "loss")));
    assertThat(dir.resolve("ckpt-01.weights")).exists();
    assertThat(dir.resolve("ckpt-03.weights")).exists();
    Model reloaded = Model.of(Fixtures.churn("he_uniform", 99));
    WeightsFile.read(reloaded, dir.resolve("ckpt-03.weights"));
    assertThat(reloaded.weights()).isDeepEqualTo(m.weights());
  }

  @Test
  void weightsFileDetectsCorruption(@TempDir Path dir) throws Exception {
    Model m = Model.of(Fixtures.churn("he_uniform", 4));
    Path f = dir.resolve("w.bin");
    m.save(f);
    byte[] b = Files.readAllBytes(f);
    b[40] ^= 1;
    Files.write(f, b);
    assertThatThrownBy(() -> WeightsFile.read(m, f)).hasMessageContaining("corrupt (checksum mismatch)");
  }

  @Test
  void terminateOnNanStopsAtTheFirstNonFiniteBatchLoss() {
    Model m = Model.of(new dev.lamina.spec.ModelSpec("nan", 1L, java.util.List.of(Fixtures.dense(1, "linear", "ones", 11)),
        new dev.lamina.spec.CompileSpec(ComponentSpec.of("sgd", "learning_rate", 1e10), ComponentSpec.of("mse"), java.util.List.of())));
    TerminateOnNaN t = new TerminateOnNaN();
    History h = m.fit(x, y, Fit.epochs(50).batchSize(10), t);
    assertThat(t.message()).contains("invalid loss");
    assertThat(h.epochs()).isLessThan(50);
  }
}
