package dev.lamina.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.cli.CliFixture.Result;
import dev.lamina.persist.ModelFile;
import dev.lamina.persist.SavedModel;
import dev.lamina.predict.TrainedModels;
import dev.lamina.table.UnknownCategories;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code predict} on a saved model trained with {@code handle_unknown: {Geography: ignore}}: an
 * unseen country scores as all zeros (with drop_first, the encoding of France, the first level, so
 * the row scores exactly as its French twin), is counted in the summary, and Gender, left at
 * {@code error}, still refuses an unseen value naming row and column.
 */
class UnseenCategoryCliTest {
  @TempDir
  static Path dir;
  static Path run;
  static List<String> churn;

  @BeforeAll
  static void train() throws IOException {
    run = TrainedModels.churnIgnoringUnseenGeography(dir, 2);
    churn = Files.readAllLines(TrainedModels.CHURN_CSV).subList(0, 31);
  }

  /** The first 30 churn rows with Geography replaced by {@code country} in the rows {@code i % 10 == 3}. */
  private static Path rows(String name, String country) throws IOException {
    List<String> out = new ArrayList<>(List.of(churn.get(0)));
    for (int i = 1; i < churn.size(); i++) {
      String[] f = churn.get(i).split(",", -1);
      if (i % 10 == 3) {
        f[4] = country;
      }
      out.add(String.join(",", f));
    }
    return Files.write(dir.resolve(name), out);
  }

  private static List<String> probabilities(Path predictions) throws IOException {
    List<String> p = new ArrayList<>();
    for (String line : Files.readAllLines(predictions).subList(1, 31)) {
      p.add(line.split(",")[1]);
    }
    return p;
  }

  @Test
  void theSavedModelCarriesTheSetting() {
    SavedModel saved = ModelFile.read(run.resolve("model.lamina"));
    assertThat(saved.pipeline().ignoringUnseen()).containsExactly("Geography");
    assertThat(saved.spec().data().handleUnknown().of("Geography")).isEqualTo(UnknownCategories.Policy.IGNORE);
  }

  @Test
  void unseenCountriesAreCountedInTheSummary() throws IOException {
    Path out = dir.resolve("italy-scored.csv");
    Result r = CliFixture.run("predict", run.toString(), rows("italy.csv", "Italy").toString(), "--out", out.toString());
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
    assertThat(r.out()).matches("scored 30 rows: \\d+ 0, \\d+ 1 \\(1 when p > 0.5\\); 3 rows had unseen categories, "
        + "scored as all zeros: Geography=Italy \\(3\\) -> .*\\R");
  }

  @Test
  void anUnseenCountryScoresExactlyAsTheFirstLevelWhoseEncodingIsAllZeros() throws IOException {
    Path italy = dir.resolve("italy-p.csv");
    Path france = dir.resolve("france-p.csv");
    Path germany = dir.resolve("germany-p.csv");
    assertThat(CliFixture.run("predict", run.toString(), rows("i.csv", "Italy").toString(), "--out", italy.toString())
        .code()).isZero();
    assertThat(CliFixture.run("predict", run.toString(), rows("f.csv", "France").toString(), "--out", france.toString())
        .code()).isZero();
    assertThat(CliFixture.run("predict", run.toString(), rows("g.csv", "Germany").toString(), "--out", germany.toString())
        .code()).isZero();
    assertThat(probabilities(italy)).isEqualTo(probabilities(france)).isNotEqualTo(probabilities(germany));
  }

  @Test
  void aColumnLeftAtErrorStillRefusesItsUnseenValue() throws IOException {
    List<String> lines = new ArrayList<>(churn.subList(0, 4));
    lines.set(2, lines.get(2).replace(",Female,", ",Other,"));
    Path bad = Files.write(dir.resolve("gender.csv"), lines);
    Result r = CliFixture.run("predict", run.toString(), bad.toString(), "--out", dir.resolve("g-p.csv").toString());
    assertThat(r.code()).isEqualTo(ExitCode.DATA);
    assertThat(r.err()).startsWith("error: " + bad + " row 2").contains("column 'Gender': 'Other' is a category the"
        + " model never saw in training");
  }
}
