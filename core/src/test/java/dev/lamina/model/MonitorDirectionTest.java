package dev.lamina.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.spec.CompileSpec;
import dev.lamina.spec.ComponentSpec;
import dev.lamina.spec.ModelSpec;
import dev.lamina.train.Callback;
import dev.lamina.train.Callbacks;
import dev.lamina.train.EarlyStopping;
import dev.lamina.train.Fit;
import dev.lamina.train.TrainingContext;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Callbacks in {@code mode: auto} ask the compiled metric which way is better (Metric.higherIsBetter). */
class MonitorDirectionTest {
  private static ModelSpec regression() {
    return new ModelSpec("reg", 3L, List.of(Fixtures.dense(4, "relu", "he_uniform", 3), Fixtures.dense(1, "linear", "glorot_uniform")),
        new CompileSpec(ComponentSpec.of("adam"), ComponentSpec.of("mse"), List.of(ComponentSpec.of("r2"), ComponentSpec.of("mae"))));
  }

  @Test
  void theTrainingAnswersFromTheCompiledMetrics() {
    Model m = Model.of(regression());
    Map<String, Boolean> seen = new LinkedHashMap<>();
    Callback probe = new Callback() {
      @Override
      public void onTrainBegin(TrainingContext c, int epochs, int steps) {
        for (String key : List.of("loss", "val_loss", "r2", "val_r2", "val_mae", "val_accuracy")) {
          seen.put(key, c.higherIsBetter(key));
        }
      }
    };
    double[][] x = Fixtures.features(40, 3, 5);
    double[] y = new double[40];
    for (int i = 0; i < y.length; i++) {
      y[i] = x[i][0] - 2 * x[i][1];
    }
    m.fit(x, y, new Fit(1, 8, 0.25, true, List.of()), probe);
    Map<String, Boolean> expected = new HashMap<>();
    expected.put("loss", false);
    expected.put("val_loss", false);
    expected.put("r2", true);
    expected.put("val_r2", true);
    expected.put("val_mae", false);
    expected.put("val_accuracy", null);
    assertThat(seen).isEqualTo(expected);
  }

  @Test
  void earlyStoppingInAutoModeMaximizesR2AndMinimizesMae() {
    assertThat(stopEpoch("val_r2", 0.1, 0.5, 0.4, 0.3)).isEqualTo(2);
    assertThat(stopEpoch("val_mae", 9.0, 5.0, 6.0, 7.0)).isEqualTo(2);
  }

  @Test
  void earlyStoppingReportsItsBestAndStoppedEpochsCountedFromOne() {
    EarlyStopping es = (EarlyStopping) Callbacks.create(ComponentSpec.of("early_stopping", "monitor", "val_mae",
        "patience", 1, "restore_best_weights", true), "cb");
    boolean[] stop = {false};
    es.onTrainBegin(new FakeContext(stop, MonitorDirectionTest::direction), 4, 1);
    double[] mae = {9.0, 5.0, 6.0, 7.0};
    for (int e = 0; e < mae.length && !stop[0]; e++) {
      es.onEpochEnd(e, new HashMap<>(Map.of("val_mae", mae[e])));
    }
    es.onTrainEnd(Map.of());
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("monitor", "val_mae");
    expected.put("best_epoch", 2);
    expected.put("best_value", 5.0);
    expected.put("stopped_epoch", 3);
    expected.put("restored_best_weights", true);
    assertThat(es.report()).isEqualTo(Map.of(EarlyStopping.REPORT_KEY, expected));
  }

  /** What a trainer with r2 and mae compiled says. */
  private static Boolean direction(String key) {
    return key.endsWith("r2") ? Boolean.TRUE : key.endsWith("mae") ? Boolean.FALSE : null;
  }

  private static int stopEpoch(String key, double... values) {
    EarlyStopping es = (EarlyStopping) Callbacks.create(ComponentSpec.of("early_stopping", "monitor", key, "patience", 1), "cb");
    boolean[] stop = {false};
    es.onTrainBegin(new FakeContext(stop, MonitorDirectionTest::direction), values.length, 1);
    for (int e = 0; e < values.length; e++) {
      es.onEpochEnd(e, new HashMap<>(Map.of(key, values[e])));
      if (stop[0]) {
        return e;
      }
    }
    return -1;
  }
}
