package dev.lamina.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A separate test CSV: rows come from it in file order, encoded with the training file's pipeline. */
class TestFileTest {
  private static final String TRAIN = "c,x,y\na,1,no\nb,2,yes\na,3,no\n";

  @TempDir
  Path dir;

  private PreparedData prepare(String test) throws IOException {
    return TablePipeline.prepare(Specs.target("y").oneHot("c").build(),
        Specs.write(dir, "train.csv", TRAIN), Specs.write(dir, "test.csv", test), 1);
  }

  @Test
  void testRowsKeepFileOrderAndTheirOwnRowNumbers() throws IOException {
    PreparedData d = prepare("x,c,y\n5,b,yes\n6,a,no\n");
    assertThat(d.trainRows()).containsExactly(1, 2, 3);
    assertThat(d.testRows()).containsExactly(1, 2);
    assertThat(d.xTest()).isDeepEqualTo(new double[][] {{1, 5}, {0, 6}});
    assertThat(d.yTest()).containsExactly(1, 0);
  }

  @Test
  void aCategoryOnlyInTheTestFileIsAnError() {
    Path test = dir.resolve("test.csv");
    assertThatThrownBy(() -> prepare("c,x,y\nb,5,yes\nz,6,no\n"))
        .isInstanceOf(DataException.class)
        .hasMessage(test + " row 2 (line 3), column 'c': 'z' is a category the model never saw in"
            + " training; the known levels are [a, b]. Map the value to one of them, or retrain on"
            + " data that contains it (or with data: {handle_unknown: ignore} to score unseen categories as all zeros)");
  }

  @Test
  void theTestFileMustHaveTheTarget() {
    Path test = dir.resolve("test.csv");
    assertThatThrownBy(() -> prepare("c,x\nb,5\n"))
        .isInstanceOf(DataException.class)
        .hasMessage(test + ": the test file has no target column 'y', so the model cannot be scored"
            + " on it; its columns are c, x. Add the column, or remove test_csv and hold out rows"
            + " with test_split");
  }

  @Test
  void anUnseenTargetClassIsAnError() {
    Path test = dir.resolve("test.csv");
    assertThatThrownBy(() -> prepare("c,x,y\nb,5,maybe\n"))
        .isInstanceOf(DataException.class)
        .hasMessage(test + " row 1 (line 2), column 'y': 'maybe' is a target class the model never"
            + " saw in training; the known classes are [no, yes]. Fix the label, or retrain on data"
            + " that contains it");
  }
}
