package dev.lamina.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Standard and min-max scaling against statistics worked out by hand, from training rows only. */
class ScalingTest {
  /** a: 1, 2, 3, 4 (mean 2.5, population variance 1.25, min 1, range 3); b constant 10. */
  private static final String TRAIN = "a,b,y\n1,10,0\n2,10,1\n3,10,0\n4,10,1\n";

  @TempDir
  Path dir;

  private PreparedData prepare(String scale, String test) throws IOException {
    return TablePipeline.prepare(Specs.target("y").scale(scale).build(),
        Specs.write(dir, "train.csv", TRAIN), Specs.write(dir, "test.csv", test), 1);
  }

  @Test
  void standardUsesTheMeanAndPopulationStdOfTheTrainingRows() throws IOException {
    PreparedData d = prepare("standard", "a,b,y\n10,10,0\n");
    double std = Math.sqrt(1.25);
    assertThat(d.pipeline().scaleOffsets()).containsExactly(2.5, 10);
    assertThat(d.pipeline().scaleFactors()).containsExactly(std, 1);
    assertThat(d.xTrain()).isDeepEqualTo(new double[][] {
        {-1.5 / std, 0}, {-0.5 / std, 0}, {0.5 / std, 0}, {1.5 / std, 0}});
    assertThat(d.xTest()[0]).containsExactly(7.5 / std, 0);
  }

  @Test
  void standardizedTrainingColumnsHaveMeanZeroAndStdOne() throws IOException {
    PreparedData d = prepare("standard", "a,b,y\n10,10,0\n");
    double sum = 0;
    double squares = 0;
    for (double[] row : d.xTrain()) {
      sum += row[0];
      squares += row[0] * row[0];
    }
    assertThat(sum / 4).isCloseTo(0, within(1e-15));
    assertThat(squares / 4).isCloseTo(1, within(1e-15));
  }

  @Test
  void minmaxMapsTheTrainingRangeToZeroOne() throws IOException {
    PreparedData d = prepare("minmax", "a,b,y\n10,10,0\n0,10,1\n");
    assertThat(d.pipeline().scaleOffsets()).containsExactly(1, 10);
    assertThat(d.pipeline().scaleFactors()).containsExactly(3, 1);
    assertThat(d.xTrain()).isDeepEqualTo(new double[][] {
        {0, 0}, {1 / 3.0, 0}, {2 / 3.0, 0}, {1, 0}});
    // test rows outside the training range land outside [0, 1], as in scikit-learn
    assertThat(d.xTest()[0]).containsExactly(3, 0);
    assertThat(d.xTest()[1]).containsExactly(-1 / 3.0, 0);
  }

  @Test
  void testRowsDoNotInfluenceTheScaler() throws IOException {
    PreparedData small = prepare("standard", "a,b,y\n0,10,0\n");
    PreparedData huge = prepare("standard", "a,b,y\n1e9,-5,0\n-1e9,99,1\n");
    assertThat(huge.pipeline().scaleOffsets()).containsExactly(small.pipeline().scaleOffsets());
    assertThat(huge.pipeline().scaleFactors()).containsExactly(small.pipeline().scaleFactors());
    assertThat(huge.xTrain()).isDeepEqualTo(small.xTrain());
  }

  @Test
  void withATestSplitTheScalerSeesOnlyTheTrainingPart() throws IOException {
    StringBuilder csv = new StringBuilder("a,y\n");
    for (int i = 1; i <= 50; i++) {
      csv.append(i * i).append(',').append(i % 2).append('\n');
    }
    PreparedData d = TablePipeline.prepare(Specs.target("y").scale("standard").testSplit(0.3).build(),
        Specs.write(dir, "data.csv", csv.toString()), null, 5);
    double sum = 0;
    for (long row : d.trainRows()) {
      sum += row * row; // row i holds a = i^2
    }
    double mean = sum / d.trainRows().length;
    double squares = 0;
    for (long row : d.trainRows()) {
      squares += (row * row - mean) * (row * row - mean);
    }
    assertThat(d.pipeline().scaleOffsets()[0]).isEqualTo(mean);
    assertThat(d.pipeline().scaleFactors()[0]).isEqualTo(Math.sqrt(squares / d.trainRows().length));
  }

  @Test
  void noneLeavesValuesUnchanged() throws IOException {
    PreparedData d = prepare("none", "a,b,y\n10,10,0\n");
    assertThat(d.xTrain()[3]).containsExactly(4, 10);
    assertThat(d.xTest()[0]).containsExactly(10, 10);
  }
}
