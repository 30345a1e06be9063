package dev.lamina.examples.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import dev.lamina.table.DataSpec;
import dev.lamina.table.PreparedData;
import dev.lamina.table.TablePipeline;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed {@code data/churn.csv} is exactly what the generator writes, and looks like the real file. */
class SyntheticChurnTest {
  private static final int COLUMNS = 14;
  private static List<String[]> rows;

  @TempDir
  Path dir;

  /** The project root: surefire's {@code lamina.root}, else the first parent holding {@code data/churn.csv}. */
  static Path root() {
    String property = System.getProperty("lamina.root");
    if (property != null && Files.isRegularFile(Path.of(property, SyntheticChurn.DEFAULT_OUTPUT))) {
      return Path.of(property);
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve(SyntheticChurn.DEFAULT_OUTPUT))) {
        return p;
      }
    }
    throw new IllegalStateException("cannot find " + SyntheticChurn.DEFAULT_OUTPUT + " above "
        + Path.of("").toAbsolutePath());
  }

  @BeforeAll
  static void read() throws IOException {
    String text = Files.readString(root().resolve(SyntheticChurn.DEFAULT_OUTPUT), StandardCharsets.UTF_8);
    rows = Arrays.stream(text.split("\r\n")).skip(1).map(line -> line.split(",", -1)).toList();
  }

  @Test
  void regeneratingGivesTheCommittedFileByteForByte() throws IOException {
    Path fresh = dir.resolve("churn.csv");
    SyntheticChurn.main(new String[] {fresh.toString()});
    assertThat(Files.readAllBytes(fresh))
        .isEqualTo(Files.readAllBytes(root().resolve(SyntheticChurn.DEFAULT_OUTPUT)));
  }

  @Test
  void headerIsTheRealFilesAndLinesEndInCrlf() throws IOException {
    byte[] bytes = Files.readAllBytes(root().resolve(SyntheticChurn.DEFAULT_OUTPUT));
    String text = new String(bytes, StandardCharsets.UTF_8);
    assertThat(text).startsWith(SyntheticChurn.HEADER + "\r\n").endsWith("\r\n");
    assertThat(text.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
  }

  @Test
  void tenThousandRowsOfFourteenColumns() {
    assertThat(rows).hasSize(10_000);
    assertThat(rows).allSatisfy(r -> assertThat(r).hasSize(COLUMNS));
  }

  @Test
  void rowNumbersCountUpAndCustomerIdsAreUnique() {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < rows.size(); i++) {
      assertThat(rows.get(i)[0]).isEqualTo(Integer.toString(i + 1));
      ids.add(rows.get(i)[1]);
    }
    assertThat(ids).hasSize(10_000);
  }

  @Test
  void aboutOneFifthChurned() {
    assertThat(share(13, "1")).isBetween(0.17, 0.23);
  }

  @Test
  void categoricalMarginalsMatchTheRealFile() {
    assertThat(share(4, "France")).isBetween(0.47, 0.53);
    assertThat(share(4, "Germany")).isBetween(0.22, 0.28);
    assertThat(share(5, "Male")).isBetween(0.52, 0.58);
    assertThat(share(8, "0")).isBetween(0.33, 0.39); // zero balance
    assertThat(share(10, "1")).isBetween(0.67, 0.73); // has a card
  }

  @Test
  void numericRangesMatchTheRealFile() {
    assertThat(rows).allSatisfy(r -> {
      assertThat(Integer.parseInt(r[3])).isBetween(350, 850);
      assertThat(Integer.parseInt(r[6])).isBetween(18, 92);
      assertThat(Integer.parseInt(r[7])).isBetween(0, 10);
      assertThat(Integer.parseInt(r[9])).isBetween(1, 4);
      assertThat(Double.parseDouble(r[12])).isBetween(11.0, 200_000.0);
    });
    int[] ages = rows.stream().mapToInt(r -> Integer.parseInt(r[6])).sorted().toArray();
    assertThat(ages[ages.length / 2]).isBetween(35, 39);
  }

  @Test
  void twoProductsChurnLeastAndThreeOrMoreChurnMost() {
    double[] rate = new double[5];
    int[] count = new int[5];
    for (String[] r : rows) {
      int k = Integer.parseInt(r[9]);
      count[k]++;
      rate[k] += Integer.parseInt(r[13]);
    }
    for (int k = 1; k <= 4; k++) {
      rate[k] /= count[k];
    }
    assertThat(rate[2]).isLessThan(rate[1]);
    assertThat(rate[3]).isGreaterThan(2 * rate[1]);
    assertThat(rate[4]).isGreaterThan(2 * rate[1]);
  }

  @Test
  void theArticlesPreprocessingGivesElevenFeaturesAndAnEightyTwentySplit() {
    DataSpec spec = new DataSpec(SyntheticChurn.DEFAULT_OUTPUT, null, "Exited",
        List.of("RowNumber", "CustomerId", "Surname"), List.of(), List.of("Geography", "Gender"), true,
        List.of(), "standard", 0.2, false, Map.of());
    PreparedData d = TablePipeline.prepare(spec, root().resolve(SyntheticChurn.DEFAULT_OUTPUT), null, 42);
    assertThat(d.featureNames()).containsExactly("CreditScore", "Geography_Germany",
        "Geography_Spain", "Gender_Male", "Age", "Tenure", "Balance", "NumOfProducts", "HasCrCard",
        "IsActiveMember", "EstimatedSalary");
    assertThat(d.xTrain()).hasNumberOfRows(8000);
    assertThat(d.xTest()).hasNumberOfRows(2000);
  }

  private static double share(int column, String value) {
    return rows.stream().filter(r -> r[column].equals(value)).count() / (double) rows.size();
  }
}
