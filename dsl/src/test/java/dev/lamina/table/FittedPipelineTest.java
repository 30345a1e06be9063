package dev.lamina.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fitted pipeline: JSON round trip, per-row and streaming transforms, predict-time errors. */
class FittedPipelineTest {
  private static final String HEADER = "id,score,country,plan,age,churn";
  private static final String[] COUNTRIES = {"France", "Germany", "Spain"};
  private static final String[] PLANS = {"basic", "gold", "plus"};

  @TempDir
  Path dir;
  private Path csv;
  private PreparedData prepared;

  @BeforeEach
  void prepare() throws IOException {
    StringBuilder text = new StringBuilder(HEADER).append("\r\n");
    for (int i = 1; i <= 60; i++) {
      String age = i % 7 == 0 ? "" : Double.toString(18 + (i * 37) % 60 + 0.1 * i);
      text.append(i).append(',').append(400 + (i * 97) % 450).append(',')
          .append(COUNTRIES[i % 3]).append(',').append(PLANS[(i / 3) % 3]).append(',')
          .append(age).append(',').append(i % 4 == 0 ? "yes" : "no").append("\r\n");
    }
    csv = Specs.write(dir, "data.csv", text.toString());
    prepared = TablePipeline.prepare(Specs.target("churn").drop("id").oneHot("country")
        .labelEncode("plan").fill("age", "median").scale("standard").testSplit(0.25).build(), csv, null, 11);
  }

  private static FittedPipeline throughJson(FittedPipeline p) throws IOException {
    ObjectMapper json = new ObjectMapper();
    String text = json.writeValueAsString(p.toMap());
    return FittedPipeline.fromMap(json.readValue(text, new TypeReference<Map<String, Object>>() {}));
  }

  @Test
  void featureNamesExpandOneHotInPlace() {
    assertThat(prepared.featureNames())
        .containsExactly("score", "country_Germany", "country_Spain", "plan", "age");
    assertThat(prepared.pipeline().targetClasses()).containsExactly("no", "yes");
  }

  @Test
  void aPipelineRoundTrippedThroughJsonGivesBitIdenticalFeatures() throws IOException {
    FittedPipeline reloaded = throughJson(prepared.pipeline());
    List<String> lines = Files.readAllLines(csv);
    String[] header = lines.get(0).split(",", -1);
    for (int k = 0; k < prepared.trainRows().length; k++) {
      long row = prepared.trainRows()[k];
      double[] x = reloaded.transform(header, lines.get((int) row).split(",", -1), row);
      assertThat(Arrays.equals(x, prepared.xTrain()[k])).as("row %d", row).isTrue();
    }
    assertThat(reloaded.toMap()).isEqualTo(prepared.pipeline().toMap());
  }

  @Test
  void streamingTransformReproducesEveryPreparedRowAndTarget() throws IOException {
    Map<Long, double[]> expected = new HashMap<>();
    Map<Long, Double> targets = new HashMap<>();
    for (int k = 0; k < prepared.trainRows().length; k++) {
      expected.put(prepared.trainRows()[k], prepared.xTrain()[k]);
      targets.put(prepared.trainRows()[k], prepared.yTrain()[k]);
    }
    for (int k = 0; k < prepared.testRows().length; k++) {
      expected.put(prepared.testRows()[k], prepared.xTest()[k]);
      targets.put(prepared.testRows()[k], prepared.yTest()[k]);
    }
    List<Long> seen = new ArrayList<>();
    throughJson(prepared.pipeline()).transform(csv, (row, x, y) -> {
      seen.add(row);
      assertThat(Arrays.equals(x, expected.get(row))).as("row %d", row).isTrue();
      assertThat(y).containsExactly(targets.get(row));
    });
    assertThat(seen).hasSize(60).startsWith(1L, 2L, 3L).endsWith(60L);
  }

  /** 2,500 rows to score, over several chunks of {@link ReadAhead}; row {@code unseen} (or none) has an unknown country. */
  private Path manyRows(int unseen) throws IOException {
    StringBuilder text = new StringBuilder(HEADER).append('\n');
    for (int i = 1; i <= 2500; i++) {
      String age = i % 7 == 0 ? "" : Double.toString(18 + (i * 37) % 60 + 0.1 * i);
      text.append(i).append(',').append(400 + (i * 97) % 450).append(',')
          .append(i == unseen ? "Italy" : COUNTRIES[i % 3]).append(',').append(PLANS[(i / 3) % 3]).append(',')
          .append(age).append(',').append(i % 4 == 0 ? "yes" : "no").append('\n');
    }
    return Specs.write(dir, "many.csv", text.toString());
  }

  private List<String> transformed(Path file, long readAheadBytes) {
    List<String> out = new ArrayList<>();
    prepared.pipeline().transform(file, (row, x, y) -> out.add(row + " " + Arrays.toString(x) + " " + Arrays.toString(y)),
        readAheadBytes);
    return out;
  }

  @Test
  void streamingReadAheadGivesTheRowsOfOneThread() throws IOException {
    Path file = manyRows(-1);
    List<String> ahead = transformed(file, 0);
    assertThat(ahead).hasSize(2500).isEqualTo(transformed(file, Long.MAX_VALUE));
    assertThat(ahead.get(2499)).startsWith("2500 ");
  }

  @Test
  void streamingReadAheadFailsWithTheMessageOfOneThread() throws IOException {
    Path file = manyRows(2001);
    assertThatThrownBy(() -> transformed(file, Long.MAX_VALUE)).hasMessageContaining("row 2001 (line 2002)");
    String expected = catchThrowable(() -> transformed(file, Long.MAX_VALUE)).getMessage();
    assertThatThrownBy(() -> transformed(file, 0)).isInstanceOf(DataException.class).hasMessage(expected);
  }

  @Test
  void atPredictTimeColumnsMayBeReorderedAndTheTargetAbsent() throws IOException {
    Path reordered = Specs.write(dir, "new.csv", "age,plan,country,score,extra\n30,gold,Spain,500,x\n");
    List<double[]> targets = new ArrayList<>();
    List<double[]> rows = new ArrayList<>();
    prepared.pipeline().transform(reordered, (row, x, y) -> {
      rows.add(x);
      targets.add(y);
    });
    double[] direct = prepared.pipeline().transform(
        new String[] {"score", "country", "plan", "age"}, new String[] {"500", "Spain", "gold", "30"}, 1);
    assertThat(targets).hasSize(1).containsOnlyNulls();
    assertThat(rows.get(0)).containsExactly(direct);
  }

  @Test
  void anUnseenCategoryNamesRowColumnValueAndKnownLevels() throws IOException {
    Path fresh = Specs.write(dir, "new.csv", "score,country,plan,age\n500,Spain,gold,30\n600,Italy,gold,40\n");
    assertThatThrownBy(() -> prepared.pipeline().transform(fresh, (row, x, y) -> { }))
        .isInstanceOf(DataException.class)
        .hasMessage(fresh + " row 2 (line 3), column 'country': 'Italy' is a category the model"
            + " never saw in training; the known levels are [France, Germany, Spain]. Map the value"
            + " to one of them, or retrain on data that contains it (or with data: {handle_unknown: ignore} to score"
            + " unseen categories as all zeros)");
  }

  @Test
  void aMissingColumnIsNamedWithTheFileColumns() throws IOException {
    Path fresh = Specs.write(dir, "new.csv", "score,Country,age\n500,Spain,30\n");
    assertThatThrownBy(() -> prepared.pipeline().transform(fresh, (row, x, y) -> { }))
        .isInstanceOf(DataException.class)
        .hasMessage(fresh + ": the model needs the columns 'country', 'plan', which the file does"
            + " not have; its columns are score, Country, age. For 'country': Did you mean Country?"
            + " Add the columns or rename the header to match the training data.");
  }

  @Test
  void aMissingCellIsFilledWithTheMedianOfTheTrainingRows() throws IOException {
    List<String> lines = Files.readAllLines(csv);
    List<Double> ages = new ArrayList<>();
    for (long row : prepared.trainRows()) {
      String age = lines.get((int) row).split(",", -1)[4];
      if (!age.isEmpty()) {
        ages.add(Double.parseDouble(age));
      }
    }
    Collections.sort(ages);
    int n = ages.size();
    double median = n % 2 == 1 ? ages.get(n / 2) : (ages.get(n / 2 - 1) + ages.get(n / 2)) / 2;
    FittedPipeline p = prepared.pipeline();
    double[] x = p.transform(new String[] {"score", "country", "plan", "age"},
        new String[] {"500", "Spain", "gold", "NA"}, 1);
    assertThat(x[4]).isEqualTo((median - p.scaleOffsets()[4]) / p.scaleFactors()[4]);
  }

  @Test
  void aDamagedMapIsADataException() {
    Map<String, Object> map = new HashMap<>(prepared.pipeline().toMap());
    map.remove("scaler");
    assertThatThrownBy(() -> FittedPipeline.fromMap(map))
        .isInstanceOf(DataException.class)
        .hasMessage("model pipeline 'scaler': missing; the model file is damaged or from an"
            + " incompatible version, retrain to rewrite it");
  }

  @Test
  void streamingHandlesTwoHundredThousandRows() throws IOException {
    Path big = dir.resolve("big.csv");
    try (BufferedWriter w = Files.newBufferedWriter(big, StandardCharsets.UTF_8)) {
      w.write("score,country,plan,age\n");
      for (int i = 0; i < 200_000; i++) {
        w.write((350 + i % 500) + "," + COUNTRIES[i % 3] + "," + PLANS[i % 3] + "," + (18 + i % 70) + "\n");
      }
    }
    long[] count = {0};
    long[] lastRow = {0};
    double[] firstFeatureSum = {0};
    prepared.pipeline().transform(big, (row, x, y) -> {
      count[0]++;
      lastRow[0] = row;
      firstFeatureSum[0] += x[0];
    });
    assertThat(count[0]).isEqualTo(200_000);
    assertThat(lastRow[0]).isEqualTo(200_000);
    assertThat(firstFeatureSum[0]).isFinite();
  }
}
