package dev.lamina.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamina.spec.SpecException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The train/test split: sizes, determinism by seed, stratification. */
class SplitTest {
  @TempDir
  Path dir;

  /** {@code n} rows, x = row number, y = 1 for the first {@code positives} rows. */
  private Path rows(int n, int positives) throws IOException {
    StringBuilder csv = new StringBuilder("x,y\n");
    for (int i = 1; i <= n; i++) {
      csv.append(i).append(',').append(i <= positives ? 1 : 0).append('\n');
    }
    return Specs.write(dir, "data.csv", csv.toString());
  }

  private PreparedData split(Path csv, double fraction, boolean stratify, long seed) {
    Specs spec = Specs.target("y").testSplit(fraction);
    return TablePipeline.prepare((stratify ? spec.stratify() : spec).build(), csv, null, seed);
  }

  @ParameterizedTest(name = "{0} rows, test_split {1}: {2} test rows")
  @CsvSource({"10, 0.2, 2", "7, 0.2, 2", "30, 0.1, 3", "10000, 0.2, 2000", "3, 0.5, 2"})
  void testSizeIsTheCeilingOfFractionTimesRows(int n, double fraction, int expected) throws IOException {
    PreparedData d = split(rows(n, n / 2), fraction, false, 1);
    assertThat(d.testRows()).hasSize(expected);
    assertThat(d.trainRows()).hasSize(n - expected);
  }

  @Test
  void everyRowLandsInExactlyOnePart() throws IOException {
    PreparedData d = split(rows(101, 30), 0.25, false, 3);
    long[] all = LongStream.concat(Arrays.stream(d.trainRows()), Arrays.stream(d.testRows())).sorted().toArray();
    assertThat(all).isEqualTo(LongStream.rangeClosed(1, 101).toArray());
    for (int k = 0; k < d.trainRows().length; k++) {
      assertThat(d.xTrain()[k][0]).isEqualTo(d.trainRows()[k]); // x holds the row number
    }
  }

  @Test
  void theSameSeedGivesTheSameSplit() throws IOException {
    Path csv = rows(200, 40);
    assertThat(split(csv, 0.2, false, 42).testRows()).isEqualTo(split(csv, 0.2, false, 42).testRows());
    assertThat(split(csv, 0.2, true, 42).trainRows()).isEqualTo(split(csv, 0.2, true, 42).trainRows());
  }

  @Test
  void anotherSeedGivesAnotherSplit() throws IOException {
    Path csv = rows(200, 40);
    assertThat(split(csv, 0.2, false, 42).testRows()).isNotEqualTo(split(csv, 0.2, false, 43).testRows());
  }

  @Test
  void stratificationKeepsTheLabelProportionsInBothParts() throws IOException {
    PreparedData d = split(rows(1000, 203), 0.2, true, 7);
    assertThat(Arrays.stream(d.yTest()).sum()).isEqualTo(41); // 0.2 * 203 = 40.6, largest remainder
    assertThat(Arrays.stream(d.yTrain()).sum()).isEqualTo(162);
    assertThat(d.yTest()).hasSize(200);
  }

  @Test
  void withoutStratificationTheProportionDrifts() throws IOException {
    // the negative control: some seed puts a visibly different share of positives in the test part
    Path csv = rows(1000, 203);
    boolean drifted = false;
    for (long seed = 0; seed < 10 && !drifted; seed++) {
      drifted = Math.abs(Arrays.stream(split(csv, 0.2, false, seed).yTest()).sum() - 40.6) > 3;
    }
    assertThat(drifted).isTrue();
  }

  @Test
  void stratifyRefusesAClassWithOneRow() throws IOException {
    Path csv = rows(10, 1);
    assertThatThrownBy(() -> split(csv, 0.2, true, 1))
        .isInstanceOf(DataException.class)
        .hasMessage(csv + ": stratify needs at least 2 rows of every class, but target value 1.0"
            + " has 1; set stratify: false (always for a numeric target such as a price) or add rows");
  }

  @Test
  void aSplitThatLeavesNoTrainingRowsIsRefused() throws IOException {
    Path csv = rows(2, 1);
    assertThatThrownBy(() -> split(csv, 0.9, false, 1))
        .isInstanceOf(SpecException.class)
        .hasMessage("data.test_split: test_split 0.9 of the 2 rows of " + csv + " holds out all 2 and leaves no"
            + " training rows; with 2 rows test_split must be above 0 and at most 0.5 ((n - 1) / n, at most 1 test"
            + " row and at least 1 training row), or 0 for no test rows");
  }

  @Test
  void theRangeASplitErrorStatesIsTheTrueOne() {
    for (int n = 2; n <= 300; n++) {
      double[] y = new double[n];
      String shown = Split.largestTestSplit(n);
      double most = Double.parseDouble(shown);
      Split ok = Split.of(y, most, false, 1, "f.csv");
      assertThat(ok.train()).as("n = %d, test_split %s", n, most).isNotEmpty();
      assertThat(ok.test()).isNotEmpty();
      double above = most + 0.0001;
      int rows = n;
      assertThatThrownBy(() -> Split.of(y, above, false, 1, "f.csv")).as("n = %d, test_split %s", n, above)
          .isInstanceOf(SpecException.class)
          .hasMessageContaining("with " + rows + " rows test_split must be above 0 and at most " + shown + " ");
    }
  }

  @Test
  void noTestSplitKeepsEveryRowForTrainingInFileOrder() throws IOException {
    PreparedData d = split(rows(5, 2), 0, false, 1);
    assertThat(d.trainRows()).containsExactly(1, 2, 3, 4, 5);
    assertThat(d.xTest()).isEmpty();
  }
}
