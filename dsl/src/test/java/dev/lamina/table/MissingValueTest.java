package dev.lamina.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamina.spec.SpecException;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Missing cells: which spellings are missing, the error without a rule, and each fill rule. */
class MissingValueTest {
  /** Training rows of {@code a}: 1, 2, 2, 7 and one missing (mean 3, median 2, mode 2). */
  private static final String TRAIN = "a,c,y\n1,p,0\n2,q,1\n,q,0\n2,r,1\n7,,0\n";
  /** Test rows: extreme values that would move every statistic if they were used. */
  private static final String TEST = "a,c,y\n1000,p,0\n1000,p,1\n1000,p,0\n,,1\n";

  @TempDir
  Path dir;

  private PreparedData prepareWithTestFile(Specs spec) throws IOException {
    return TablePipeline.prepare(spec.build(), Specs.write(dir, "data.csv", TRAIN),
        Specs.write(dir, "test.csv", TEST), 1);
  }

  @ParameterizedTest(name = "''{0}''")
  @ValueSource(strings = {"", "  ", "NA", "NaN", "null", "nan", "NULL", "na"})
  void theseSpellingsAreMissing(String cell) {
    assertThat(Cells.isMissing(cell)).isTrue();
  }

  @ParameterizedTest(name = "''{0}''")
  @ValueSource(strings = {"0", "N", "None", "-", "n/a?"})
  void theseSpellingsAreNotMissing(String cell) {
    assertThat(Cells.isMissing(cell)).isFalse();
  }

  @Test
  void aMissingNumberWithoutARuleIsAnErrorThatShowsTheRule() throws IOException {
    Path csv = Specs.write(dir, "data.csv", "a,y\n1,0\nNA,1\n");
    assertThatThrownBy(() -> TablePipeline.prepare(Specs.target("y").build(), csv, null, 1))
        .isInstanceOf(DataException.class)
        .hasMessage(csv + " row 2 (line 3), column 'a': the value is missing ('NA'); fix the row,"
            + " or add a rule to the data section: fill_missing: {a: mean} (or median, mode, or a"
            + " number)");
  }

  @Test
  void aMissingCategoryWithoutARuleSuggestsMode() throws IOException {
    Path csv = Specs.write(dir, "data.csv", "c,y\np,0\n,1\n");
    assertThatThrownBy(() -> TablePipeline.prepare(Specs.target("y").oneHot("c").build(), csv, null, 1))
        .isInstanceOf(DataException.class)
        .hasMessage(csv + " row 2 (line 3), column 'c': the value is missing (empty); fix the row,"
            + " or add a rule to the data section: fill_missing: {c: mode}");
  }

  @Test
  void aMissingTargetCannotBeFilled() throws IOException {
    Path csv = Specs.write(dir, "data.csv", "a,y\n1,0\n2,\n");
    assertThatThrownBy(() -> TablePipeline.prepare(Specs.target("y").build(), csv, null, 1))
        .isInstanceOf(DataException.class)
        .hasMessage(csv + " row 2 (line 3), column 'y': the target value is missing (empty); a"
            + " label cannot be filled in, so fix the row or remove it");
  }

  @ParameterizedTest(name = "{0} fills {1}")
  @CsvSource({"mean, 3.0", "median, 2.0", "mode, 2.0", "-1.5, -1.5"})
  void numericFillIsComputedOnTrainingRowsOnly(String rule, double expected) throws IOException {
    Object value = rule.matches("[a-z]+") ? rule : (Object) Double.parseDouble(rule);
    PreparedData d = prepareWithTestFile(Specs.target("y").features("a").fill("a", value));
    assertThat(d.xTrain()[2][0]).isEqualTo(expected);
    assertThat(d.xTest()[3][0]).isEqualTo(expected);
  }

  @Test
  void medianOfAnEvenCountAveragesTheMiddleTwo() throws IOException {
    Path csv = Specs.write(dir, "data.csv", "a,y\n1,0\n4,1\n,0\n10,1\n2,0\n");
    PreparedData d = TablePipeline.prepare(Specs.target("y").fill("a", "median").build(), csv, null, 1);
    assertThat(d.xTrain()[2][0]).isEqualTo(3.0); // median of 1, 2, 4, 10
  }

  @Test
  void modeBreaksTiesBySmallestValue() throws IOException {
    Path csv = Specs.write(dir, "data.csv", "a,y\n5,0\n3,1\n5,0\n3,1\n,0\n");
    PreparedData d = TablePipeline.prepare(Specs.target("y").fill("a", "mode").build(), csv, null, 1);
    assertThat(d.xTrain()[4][0]).isEqualTo(3.0);
  }

  @Test
  void categoricalModeFillsTheMostFrequentTrainingLevel() throws IOException {
    // training levels p, q, q, r: mode q; the test file's many p's do not count
    PreparedData d = prepareWithTestFile(Specs.target("y").features("c").labelEncode("c").fill("c", "mode"));
    assertThat(d.xTrain()[4][0]).isEqualTo(1.0);
    assertThat(d.xTest()[3][0]).isEqualTo(1.0);
  }

  @Test
  void categoricalColumnsRefuseMean() throws IOException {
    Path csv = Specs.write(dir, "data.csv", TRAIN);
    assertThatThrownBy(() -> TablePipeline.prepare(
        Specs.target("y").features("c").oneHot("c").fill("c", "mean").build(), csv, null, 1))
        .isInstanceOf(SpecException.class)
        .hasMessage("fill_missing.c: column 'c' is categorical, so only 'mode' (its most frequent"
            + " level) can fill it; got 'mean'");
  }

  @Test
  void anUnknownRuleIsASpecError() throws IOException {
    Path csv = Specs.write(dir, "data.csv", TRAIN);
    assertThatThrownBy(() -> TablePipeline.prepare(
        Specs.target("y").features("a").fill("a", "average").build(), csv, null, 1))
        .isInstanceOf(SpecException.class)
        .hasMessage("fill_missing.a: expected mean, median, mode or a finite number, got 'average'");
  }

  @Test
  void fillWithTestSplitUsesOnlyTheTrainingRowsOfTheSplit() throws IOException {
    StringBuilder csv = new StringBuilder("a,y\n,0\n");
    for (int i = 1; i <= 40; i++) {
      csv.append(i * i).append(',').append(i % 2).append('\n');
    }
    PreparedData d = TablePipeline.prepare(Specs.target("y").fill("a", "mean").testSplit(0.25).build(),
        Specs.write(dir, "data.csv", csv.toString()), null, 9);
    double sum = 0;
    int n = 0;
    for (long row : d.trainRows()) {
      if (row > 1) {
        long i = row - 1;
        sum += i * i;
        n++;
      }
    }
    double fill = sum / n;
    assertThat(fill).isNotEqualTo(22140 / 40.0); // the mean over all 40 values
    double[][] all = concat(d.xTrain(), d.xTest());
    long[] rows = concat(d.trainRows(), d.testRows());
    for (int k = 0; k < rows.length; k++) {
      if (rows[k] == 1) {
        assertThat(all[k][0]).isEqualTo(fill);
      }
    }
  }

  private static double[][] concat(double[][] a, double[][] b) {
    double[][] out = new double[a.length + b.length][];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static long[] concat(long[] a, long[] b) {
    long[] out = new long[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
