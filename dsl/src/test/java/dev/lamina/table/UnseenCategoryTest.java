package dev.lamina.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamina.table.UnknownCategories.Policy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code handle_unknown} in the fitted pipeline: a category never seen in training is refused
 * under {@code error} (the default) and all zeros under {@code ignore}, as scikit-learn's
 * {@code OneHotEncoder(handle_unknown='ignore')}; each column keeps its own setting, also after the
 * pipeline's round trip through the model file.
 */
class UnseenCategoryTest {
  /** Colours sorted: blue, green, red; sizes L, M, S. */
  private static final String CSV = "colour,size,y\nred,S,no\nblue,L,yes\ngreen,M,no\nblue,S,yes\n";
  private static final String[] HEADER = {"colour", "size"};

  @TempDir
  Path dir;

  private FittedPipeline fit(UnknownCategories unknown) throws IOException {
    DataSpec spec = Specs.target("y").oneHot("colour", "size").keepFirst().build().withHandleUnknown(unknown);
    return TablePipeline.prepare(spec, Specs.write(dir, "data.csv", CSV), null, 1).pipeline();
  }

  @Test
  void anUnseenCategoryIsAllZerosInAColumnThatIgnoresIt() throws IOException {
    FittedPipeline p = fit(UnknownCategories.perColumn(Map.of("colour", Policy.IGNORE)));
    assertThat(p.transform(HEADER, new String[] {"purple", "M"}, 1)).containsExactly(0, 0, 0, 0, 1, 0);
    assertThat(p.transform(HEADER, new String[] {"green", "M"}, 2)).containsExactly(0, 1, 0, 0, 1, 0);
    assertThat(p.ignoringUnseen()).containsExactly("colour");
  }

  @Test
  void aColumnNotListedStillRefusesItsUnseenCategory() throws IOException {
    FittedPipeline p = fit(UnknownCategories.perColumn(Map.of("colour", Policy.IGNORE)));
    assertThatThrownBy(() -> p.transform(HEADER, new String[] {"red", "XL"}, 7))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("row 7, column 'size': 'XL' is a category the model never saw in training; the known"
            + " levels are [L, M, S]")
        .hasMessageEndingWith("(or with data: {handle_unknown: ignore} to score unseen categories as all zeros)");
  }

  @Test
  void ignoreForEveryColumnCoversAllOneHotColumns() throws IOException {
    FittedPipeline p = fit(UnknownCategories.IGNORE);
    assertThat(p.transform(HEADER, new String[] {"purple", "XL"}, 1)).containsExactly(0, 0, 0, 0, 0, 0);
    assertThat(p.ignoringUnseen()).containsExactly("colour", "size");
  }

  @Test
  void theSettingSurvivesTheModelFilesRoundTripAndOldFilesRefuse() throws IOException {
    FittedPipeline ignoring = FittedPipeline.fromMap(fit(UnknownCategories.IGNORE).toMap());
    assertThat(ignoring.transform(HEADER, new String[] {"purple", "M"}, 1)).containsExactly(0, 0, 0, 0, 1, 0);
    Map<String, Object> refusing = fit(UnknownCategories.ERROR).toMap();
    // The default writes no key, so a model saved before handle_unknown existed reads as error.
    assertThat(refusing.toString()).doesNotContain("handle_unknown");
    assertThatThrownBy(() -> FittedPipeline.fromMap(refusing).transform(HEADER, new String[] {"purple", "M"}, 1))
        .isInstanceOf(DataException.class).hasMessageContaining("'purple' is a category the model never saw");
  }

  @Test
  void streamingTellsTheSinkOfEachIgnoredCellBeforeItsRow() throws IOException {
    FittedPipeline p = fit(UnknownCategories.IGNORE);
    Path rows = Files.writeString(dir.resolve("new.csv"), "colour,size\npurple,M\nred,S\npurple,XL\n");
    List<String> seen = new ArrayList<>();
    p.transform(rows, new RowSink() {
      @Override
      public void accept(long row, double[] x, java.util.OptionalDouble y) {
        seen.add(row + ": scored");
      }

      @Override
      public void unseen(long row, String column, String value) {
        seen.add(row + ": " + column + "=" + value);
      }
    });
    assertThat(seen).containsExactly("1: colour=purple", "1: scored", "2: scored", "3: colour=purple", "3: size=XL",
        "3: scored");
  }

  @Test
  void encodingValuesCountsTheIgnoredOnes() throws IOException {
    FittedPipeline p = fit(UnknownCategories.IGNORE);
    double[] out = new double[6];
    assertThat(p.encodeValues(new Object[] {"purple", "XL"}, out, 0, "request", 1)).isEqualTo(2);
    assertThat(out).containsExactly(0, 0, 0, 0, 0, 0);
    assertThat(p.encodeValues(new Object[] {"red", "XL"}, out, 0, "request", 2)).isEqualTo(1);
    assertThat(out).containsExactly(0, 0, 1, 0, 0, 0);
  }

  @Test
  void aColumnThatIsNotOneHotIsRefusedByName() {
    assertThatThrownBy(() -> Specs.target("y").oneHot("colour").labelEncode("size").build()
        .withHandleUnknown(UnknownCategories.perColumn(Map.of("size", Policy.IGNORE))))
        .hasMessage("handle_unknown.size: 'size' is not a one_hot column; handle_unknown applies to the one_hot columns"
            + " [colour] (a label_encode column always refuses an unseen level).");
  }
}
