package dev.lamina.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The article's preprocessing of the real {@code Churn_Modelling.csv} (read from
 * {@code ../shared/datasets}, never copied into the project): drop the identifiers, one-hot
 * Geography and Gender dropping the first level, standardise, hold out 20 %.
 */
class ChurnFileTest {
  private static PreparedData data;

  static Path churnFile() {
    String shared = System.getProperty("lamina.shared");
    Path base = shared != null ? Path.of(shared) : Path.of("..", "..", "shared");
    return base.resolve("datasets").resolve("Churn_Modelling.csv");
  }

  @BeforeAll
  static void prepare() {
    Path csv = churnFile();
    assumeTrue(Files.isRegularFile(csv), "the shared data set is not at " + csv);
    data = TablePipeline.prepare(Specs.target("Exited").drop("RowNumber", "CustomerId", "Surname")
        .oneHot("Geography", "Gender").scale("standard").testSplit(0.2).build(), csv, null, 42);
  }

  @Test
  void elevenFeaturesWithOneHotColumnsInPlace() {
    assertThat(data.featureNames()).containsExactly("CreditScore", "Geography_Germany",
        "Geography_Spain", "Gender_Male", "Age", "Tenure", "Balance", "NumOfProducts", "HasCrCard",
        "IsActiveMember", "EstimatedSalary");
    assertThat(data.xTrain()[0]).hasSize(11);
  }

  @Test
  void eightThousandTrainingAndTwoThousandTestRows() {
    assertThat(data.xTrain()).hasNumberOfRows(8000);
    assertThat(data.xTest()).hasNumberOfRows(2000);
    assertThat(data.trainRows()).hasSize(8000);
    assertThat(data.testRows()).hasSize(2000);
  }

  @Test
  void aboutOneFifthOfCustomersLeft() {
    double all = Arrays.stream(data.yTrain()).sum() + Arrays.stream(data.yTest()).sum();
    assertThat(all).isEqualTo(2037); // the data set's documented count
    assertThat(Arrays.stream(data.yTest()).average().orElseThrow()).isBetween(0.17, 0.23);
  }

  @Test
  void trainingFeaturesAreStandardised() {
    for (int j = 0; j < 11; j++) {
      double mean = 0;
      for (double[] row : data.xTrain()) {
        mean += row[j] / 8000;
      }
      assertThat(Math.abs(mean)).as(data.featureNames().get(j)).isLessThan(1e-9);
    }
  }
}
