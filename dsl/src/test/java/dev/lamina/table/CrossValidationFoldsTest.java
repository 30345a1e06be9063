package dev.lamina.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lamina.train.CrossValidation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The folds of a cross-validation: every training row is scored exactly once per repeat, the test
 * rows never, and each fold's pipeline is fitted on its own training rows only.
 */
class CrossValidationFoldsTest {
  @TempDir
  Path dir;

  /** x = row number squared (so every fold has another mean), y alternating 0/1; 20 rows. */
  private Path csv() throws Exception {
    StringBuilder sb = new StringBuilder("x,y\n");
    for (int r = 1; r <= 20; r++) {
      sb.append(r * r).append(',').append(r % 2).append('\n');
    }
    Path f = dir.resolve("rows.csv");
    Files.writeString(f, sb.toString());
    return f;
  }

  private static DataSpec data(double testSplit) {
    return new DataSpec(null, null, "y", List.of(), List.of(), List.of(), true, List.of(), "standard", testSplit, false,
        null, null);
  }

  @Test
  void eachFoldsScalerIsFittedOnItsTrainingRowsOnly() throws Exception {
    List<PreparedMatrices> folds = TablePipeline.prepareFolds(data(0), csv(), null, 3, CrossValidation.of(5));
    assertThat(folds).hasSize(5);
    for (PreparedMatrices f : folds) {
      // The scaler's statistics, recomputed here from the raw values of the fold's training rows.
      double[] raw = Arrays.stream(f.trainRows()).mapToDouble(r -> (double) r * r).toArray();
      double mean = Arrays.stream(raw).average().orElseThrow();
      double std = Math.sqrt(Arrays.stream(raw).map(v -> (v - mean) * (v - mean)).sum() / raw.length);
      for (int i = 0; i < f.testCount(); i++) {
        double x = (double) f.testRows()[i] * f.testRows()[i];
        assertThat(f.xTest()[i]).isCloseTo((x - mean) / std, within(1e-12));
        // A scaler fitted on all 20 rows (mean 143.5, sd 124.66) would give another number: the leak this prevents.
        assertThat(Math.abs(f.xTest()[i] - (x - 143.5) / 124.6637477376643)).isGreaterThan(1e-3);
      }
      assertThat(f.trainCount()).isEqualTo(16);
      assertThat(f.testCount()).isEqualTo(4);
    }
  }

  @Test
  void everyTrainingRowIsHeldOutOncePerRepeatAndTheTestRowsNever() throws Exception {
    Path file = csv();
    PreparedMatrices whole = TablePipeline.prepareFlat(data(0.25), file, null, 3);
    Set<Long> train = new HashSet<>();
    Arrays.stream(whole.trainRows()).forEach(train::add);
    List<PreparedMatrices> folds = TablePipeline.prepareFolds(data(0.25), file, null, 3,
        new CrossValidation(3, true, 2, true));
    assertThat(folds).hasSize(6);
    for (int r = 0; r < 2; r++) {
      List<Long> held = new ArrayList<>();
      for (PreparedMatrices f : folds.subList(3 * r, 3 * r + 3)) {
        Arrays.stream(f.testRows()).forEach(held::add);
        // Stratified: each fold holds 0s and 1s in the training part's proportion, to within one row.
        double ones = Arrays.stream(f.yTest()).sum();
        assertThat(Math.abs(ones - f.testCount() / 2.0)).isLessThanOrEqualTo(1.0);
        Set<Long> inFold = new HashSet<>();
        Arrays.stream(f.trainRows()).forEach(inFold::add);
        Arrays.stream(f.testRows()).forEach(x -> assertThat(inFold).doesNotContain(x));
      }
      assertThat(held).hasSize(15).doesNotHaveDuplicates();
      assertThat(new HashSet<>(held)).isEqualTo(train);
    }
    // The two repeats shuffle differently.
    assertThat(folds.get(0).testRows()).isNotEqualTo(folds.get(3).testRows());
  }
}
