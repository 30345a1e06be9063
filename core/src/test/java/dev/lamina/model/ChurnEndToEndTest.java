package dev.lamina.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lamina.testing.ChurnData;
import dev.lamina.train.Fit;
import dev.lamina.train.History;
import java.nio.file.Files;
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
}
