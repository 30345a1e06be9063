package dev.lamina.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One-hot and label encoding against encodings worked out by hand. */
class EncodingTest {
  /** Colours in first-seen order red, blue, green; sorted: blue, green, red. */
  private static final String CSV = "colour,size,y\nred,S,no\nblue,L,yes\ngreen,M,no\nblue,S,yes\n";

  @TempDir
  Path dir;

  private PreparedData prepare(Specs spec) throws IOException {
    return TablePipeline.prepare(spec.build(), Specs.write(dir, "data.csv", CSV), null, 1);
  }

  @Test
  void oneHotDropFirstLikeGetDummies() throws IOException {
    PreparedData d = prepare(Specs.target("y").oneHot("colour").labelEncode("size"));
    assertThat(d.featureNames()).containsExactly("colour_green", "colour_red", "size");
    assertThat(d.xTrain()).isDeepEqualTo(new double[][] {
        {0, 1, 2}, // red, S
        {0, 0, 0}, // blue (the dropped first level), L
        {1, 0, 1}, // green, M
        {0, 0, 2}, // blue, S
    });
  }

  @Test
  void oneHotKeepingTheFirstLevel() throws IOException {
    PreparedData d = prepare(Specs.target("y").oneHot("colour", "size").keepFirst());
    assertThat(d.featureNames()).containsExactly("colour_blue", "colour_green", "colour_red",
        "size_L", "size_M", "size_S");
    assertThat(d.xTrain()[0]).containsExactly(0, 0, 1, 0, 0, 1);
    assertThat(d.xTrain()[2]).containsExactly(0, 1, 0, 0, 1, 0);
  }

  @Test
  void textTargetIsEncodedBySortedClasses() throws IOException {
    PreparedData d = prepare(Specs.target("y").oneHot("colour", "size"));
    assertThat(d.pipeline().targetClasses()).containsExactly("no", "yes");
    assertThat(d.yTrain()).containsExactly(0, 1, 0, 1);
  }

  @Test
  void numericTargetIsKeptAsIs() throws IOException {
    PreparedData d = TablePipeline.prepare(Specs.target("y").build(),
        Specs.write(dir, "num.csv", "x,y\n1,2.5\n2,-1\n"), null, 1);
    assertThat(d.yTrain()).containsExactly(2.5, -1);
    assertThat(d.pipeline().targetClasses()).isEqualTo(List.of());
  }

  @Test
  void aLevelWithOnlyOneValueAndDropFirstMakesNoFeature() throws IOException {
    PreparedData d = TablePipeline.prepare(Specs.target("y").oneHot("k").build(),
        Specs.write(dir, "one.csv", "k,x,y\nsame,1,0\nsame,2,1\n"), null, 1);
    assertThat(d.featureNames()).containsExactly("x");
  }
}
