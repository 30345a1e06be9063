package dev.lamina.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lamina.layer.NativeGemm;
import dev.lamina.optim.Parameter;
import dev.lamina.spec.CompileSpec;
import dev.lamina.spec.ComponentSpec;
import dev.lamina.spec.DType;
import dev.lamina.spec.ModelSpec;
import dev.lamina.train.Checkpoints;
import dev.lamina.train.Dataset;
import dev.lamina.train.Fit;
import dev.lamina.train.History;
import dev.lamina.train.TrainingState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code dtype: float32} trains the Dense layers of 16+ inputs or units in single precision
 * (weights, optimizer state, activations, products), following the float64 fit of the same spec to
 * float rounding; its weights are float32 values that load back to the same predictions, and a fit
 * resumed from a checkpoint ends bit for bit like the uninterrupted one. Layers narrow both ways
 * stay float64.
 */
class Float32TrainingTest {
  private static final int INPUTS = 20;
  private final double[][] x = Fixtures.features(600, INPUTS, 4);
  private final double[] y = Fixtures.labels(x, 4);

  /** 20-32-24-1: the first two layers are wide both ways, the output layer one way (24 inputs). */
  private static ModelSpec spec(DType dtype, String optimizer) {
    return new ModelSpec("wide", 7L, List.of(Fixtures.dense(32, "relu", "he_uniform", INPUTS),
        Fixtures.dense(24, "tanh", "glorot_uniform"), Fixtures.dense(1, "sigmoid", "glorot_uniform")),
        new CompileSpec(ComponentSpec.of(optimizer, "learning_rate", 0.01), ComponentSpec.of("binary_crossentropy"),
            List.of(ComponentSpec.of("accuracy"))), dtype);
  }

  private static boolean isFloat(double v) {
    return (double) (float) v == v;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"adam", "adamw", "sgd", "rmsprop", "nadam", "adagrad"})
  void float32FollowsFloat64AndKeepsFloat32Weights(String optimizer) {
    Model exact = Model.of(spec(DType.FLOAT64, optimizer));
    Model single = Model.of(spec(DType.FLOAT32, optimizer));
    History he = exact.fit(x, y, Fit.epochs(3).batchSize(32));
    History hs = single.fit(x, y, Fit.epochs(3).batchSize(32));
    List<Parameter> ps = single.parameters();
    for (Parameter p : ps) {
      assertThat(p.singlePrecision()).as("%s in float32", p.name()).isTrue();
      for (double v : p.value()) {
        assertThat(isFloat(v)).as("%s holds float32 values", p.name()).isTrue();
      }
    }
    assertThat(exact.parameters().get(0).singlePrecision()).isFalse();
    double[][] we = exact.weights();
    double[][] ws = single.weights();
    assertThat(ws[0]).as("float32 really ran").isNotEqualTo(we[0]);
    for (int t = 0; t < we.length; t++) {
      for (int i = 0; i < we[t].length; i++) {
        // 57 steps, each rounding weights and activations to float: drift of about 1e-5.
        assertThat(ws[t][i]).as("tensor %d [%d]", t, i).isCloseTo(we[t][i], within(2e-4));
      }
    }
    List<Double> le = he.get("loss");
    List<Double> ls = hs.get("loss");
    for (int e = 0; e < le.size(); e++) {
      assertThat(ls.get(e)).as("epoch %d loss", e).isCloseTo(le.get(e), within(1e-4));
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"adam", "adamw", "sgd", "rmsprop", "nadam", "adagrad"})
  void float32TrainingConvertsTheWeightsAndGradientsAtMostTwiceAnEpochNeverPerBatch(String optimizer) {
    Model m = Model.of(spec(DType.FLOAT32, optimizer));
    int epochs = 3;
    m.fit(x, y, Fit.epochs(1).batchSize(32));
    long[] before = conversions(m);
    m.fit(x, y, Fit.epochs(epochs).batchSize(32)); // 19 batches an epoch
    long[] after = conversions(m);
    for (int i = 0; i < before.length; i++) {
      // The epoch's weight snapshot widens the values, the next forward pass rounds them back.
      assertThat(after[i] - before[i]).as("%s conversions of %s", optimizer, m.parameters().get(i).name())
          .isLessThanOrEqualTo(2L * epochs + 2);
    }
  }

  private static long[] conversions(Model m) {
    return m.parameters().stream().mapToLong(Parameter::conversions).toArray();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"adam", "rmsprop"})
  void savedFloat32WeightsLoadBackToTheSamePredictions(String optimizer) {
    Model trained = Model.of(spec(DType.FLOAT32, optimizer));
    trained.fit(x, y, Fit.epochs(2).batchSize(32));
    Model loaded = Model.of(spec(DType.FLOAT32, optimizer));
    loaded.ensureBuilt(INPUTS);
    loaded.setWeights(trained.weights());
    assertThat(loaded.weights()).isDeepEqualTo(trained.weights());
    assertThat(loaded.predict(x)).isDeepEqualTo(trained.predict(x));
  }

  @ParameterizedTest(name = "{0}, resumed after epoch {1}")
  @CsvSource({"adam, 2", "sgd, 4", "rmsprop, 2"})
  void aResumedFloat32FitEndsBitForBitLikeTheUninterruptedOne(String optimizer, int after) {
    Dataset data = Dataset.of(x, y);
    Fit fit = Fit.epochs(6).batchSize(32);
    List<TrainingState> states = new ArrayList<>();
    Model whole = Model.of(spec(DType.FLOAT32, optimizer));
    History full = whole.fit(data, null, fit, new Checkpoints(2, states::add, null));
    TrainingState state = states.stream().filter(s -> s.epochsDone() == after).findFirst().orElseThrow();
    Model resumed = Model.of(spec(DType.FLOAT32, optimizer));
    History rest = resumed.fit(data, null, fit, new Checkpoints(0, null, state));
    assertThat(rest.asMap()).isEqualTo(full.asMap());
    assertThat(resumed.weights()).isDeepEqualTo(whole.weights());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"FLOAT32", "FLOAT64"})
  void theSummaryShowsTheDtypeNamesTheFloat32LayersAndCountsFourBytesForTheirWeights(DType dtype) {
    Model m = Model.of(spec(dtype, "adam"));
    m.ensureBuilt(INPUTS);
    String summary = m.summary();
    // 20*32+32 + 32*24+24 + 24+1 = 1,489 float32 values (5,956 bytes).
    if (dtype == DType.FLOAT32) {
      assertThat(summary).contains("Dtype: float32 (dense, dense_1, dense_2: weights, optimizer state, activations and"
          + " products in float32").contains("; other layers, the loss and metrics in float64)")
          .contains("Trainable params: 1,489 (5.82 KB)");
      // Only the layers wide both ways (dense, dense_1) may run their products on OpenBLAS.
      assertThat(summary.contains("products of dense, dense_1 on OpenBLAS")).isEqualTo(NativeGemm.available());
    } else {
      // float64 layers wide both ways run on OpenBLAS where the machine's rule says so.
      assertThat(summary).contains(NativeGemm.runsFloat64Products() ? "\nDtype: float64 (products of dense, dense_1 on"
          + " OpenBLAS (" + NativeGemm.source() + "))\n" : "\nDtype: float64\n").contains("Trainable params: 1,489 (11.63 KB)");
    }
  }
}
