package dev.lamina.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamina.spec.CompileSpec;
import dev.lamina.spec.ComponentSpec;
import dev.lamina.spec.DropoutSpec;
import dev.lamina.spec.ModelSpec;
import dev.lamina.train.Checkpoints;
import dev.lamina.train.Dataset;
import dev.lamina.train.Fit;
import dev.lamina.train.History;
import dev.lamina.train.TrainingState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A fit resumed from a {@link TrainingState} ends with the same weights and history, bit for bit,
 * as the uninterrupted fit: with shuffling, dropout, Adam's slots, ReduceLROnPlateau changing the
 * rate and EarlyStopping keeping the best weights, all of which carry state across epochs.
 */
class ResumeTest {
  private static final int EPOCHS = 8;
  private final Dataset data = Dataset.of(Fixtures.features(300, 11, 3), Fixtures.labels(Fixtures.features(300, 11, 3), 3));

  private static ModelSpec spec() {
    return new ModelSpec("resume", 5L, List.of(
        Fixtures.dense(8, "relu", "he_uniform", 11), new DropoutSpec(0.3, null, null),
        Fixtures.dense(6, "relu", "he_uniform"), Fixtures.dense(1, "sigmoid", "glorot_uniform")),
        new CompileSpec(ComponentSpec.of("adam", "learning_rate", 0.01), ComponentSpec.of("binary_crossentropy"),
            List.of(ComponentSpec.of("accuracy"))));
  }

  private static Fit fit() {
    return Fit.epochs(EPOCHS).batchSize(16).validationSplit(0.25).callbacks(
        ComponentSpec.of("reduce_lr_on_plateau", "monitor", "loss", "patience", 1, "factor", 0.5, "min_delta", 1.0),
        ComponentSpec.of("early_stopping", "monitor", "val_loss", "patience", 100, "restore_best_weights", true));
  }

  @ParameterizedTest(name = "resumed after epoch {0}")
  @ValueSource(ints = {2, 4, 6})
  void resumedFitEndsBitForBitLikeTheUninterruptedOne(int after) {
    List<TrainingState> states = new ArrayList<>();
    Model whole = Model.of(spec());
    History full = whole.fit(data, null, fit(), new Checkpoints(2, states::add, null));
    TrainingState state = states.stream().filter(s -> s.epochsDone() == after).findFirst().orElseThrow();

    Model resumed = Model.of(spec());
    History rest = resumed.fit(data, null, fit(), new Checkpoints(0, null, state));

    assertThat(rest.asMap()).isEqualTo(full.asMap());
    assertThat(bits(resumed.weights())).isEqualTo(bits(whole.weights()));
    assertThat(full.get("learning_rate")).as("the plateau rule changed the rate").contains(0.005);
  }

  @Test
  void checkpointsComeEveryNEpochs() {
    List<TrainingState> states = new ArrayList<>();
    Model.of(spec()).fit(data, null, fit(), new Checkpoints(3, states::add, null));
    assertThat(states).extracting(TrainingState::epochsDone).containsExactly(3, 6);
    assertThat(states.get(1).history()).hasSize(6);
  }

  @Test
  void aCheckpointOfAnotherSeedIsRefused() {
    List<TrainingState> states = new ArrayList<>();
    Model.of(spec()).fit(data, null, fit(), new Checkpoints(2, states::add, null));
    Model other = Model.of(spec().withSeed(6L));
    assertThatThrownBy(() -> other.fit(data, null, fit(), new Checkpoints(0, null, states.get(0))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the checkpoint does not belong to this model and data: it was written with seed 5");
  }

  private static long[][] bits(double[][] w) {
    long[][] b = new long[w.length][];
    for (int i = 0; i < w.length; i++) {
      b[i] = new long[w[i].length];
      for (int k = 0; k < w[i].length; k++) {
        b[i][k] = Double.doubleToRawLongBits(w[i][k]);
      }
    }
    return b;
  }
}
