package dev.lamina.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lamina.spec.DType;
import dev.lamina.spec.ModelSpec;
import dev.lamina.testing.ChurnData;
import dev.lamina.train.Fit;
import dev.lamina.train.History;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The article's he_uniform churn network on the real data (CI guarantees the file is present). */
class ChurnEndToEndTest {
  @Test
  void heUniformChurnNetworkReachesEightyFivePercentTestAccuracy() {
    assumeTrue(Files.exists(ChurnData.file()), "real churn data not present: " + ChurnData.file());
    ChurnData data = ChurnData.load(42);
    Model model = Model.of(Fixtures.churn("he_uniform", 42));
    History h = model.fit(data.xTrain, data.yTrain, Fit.epochs(100).batchSize(10).validationSplit(0.33));
    double accuracy = ChurnData.accuracy(model.predictClasses(data.xTest), data.yTest);
    assertThat(h.epochs()).isEqualTo(100);
    assertThat(accuracy).as("test accuracy").isGreaterThanOrEqualTo(0.85);
  }

  @Test
  void float32ProductsOfAWideChurnNetworkLeaveTheTestAccuracyWithinHalfAPointOfDouble() {
    assumeTrue(Files.exists(ChurnData.file()), "real churn data not present: " + ChurnData.file());
    ChurnData data = ChurnData.load(42);
    double[] accuracy = new double[2];
    double[][] middleKernel = new double[2][];
    DType[] dtypes = {DType.FLOAT64, DType.FLOAT32};
    for (int i = 0; i < 2; i++) {
      // 11-32-32-1: the middle layer is wide both ways, so its products run in float32.
      ModelSpec spec = Fixtures.churn("he_uniform", 42);
      spec = spec.withLayers(List.of(Fixtures.dense(32, "relu", "he_uniform", 11), Fixtures.dense(32, "relu",
          "he_uniform"), spec.layers().get(2))).withDtype(dtypes[i]);
      Model model = Model.of(spec);
      model.fit(data.xTrain, data.yTrain, Fit.epochs(20).batchSize(32));
      accuracy[i] = ChurnData.accuracy(model.predictClasses(data.xTest), data.yTest);
      middleKernel[i] = model.weights()[2];
    }
    assertThat(middleKernel[1]).as("float32 really ran").isNotEqualTo(middleKernel[0]);
    assertThat(accuracy[1]).as("float32 test accuracy").isCloseTo(accuracy[0], within(0.005));
  }
}
