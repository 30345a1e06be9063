package dev.lamina.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@code test_csv} means the test rows come from that file: no rows are held out unless test_split says so. */
class TestCsvIntentTest {
  private static final String SPEC = """
      name: t
      data:
        csv: train.csv
        test_csv: test.csv
        target: y
      %s
      layers:
        - dense: {units: 1}
      compile:
        loss: mse
      """;

  @Test
  void testCsvAloneHoldsNoTrainingRowsOut() {
    assertThat(SpecReader.read(SPEC.formatted(""), "t.yaml").spec().data().testSplit()).isZero();
  }

  @Test
  void withoutTestCsvTheDefaultSplitStays() {
    String spec = SPEC.formatted("").replace("  test_csv: test.csv\n", "");
    assertThat(SpecReader.read(spec, "t.yaml").spec().data().testSplit()).isEqualTo(0.2);
  }

  @Test
  void anExplicitSplitBesideTestCsvIsStillAQuestionToTheUser() {
    String spec = SPEC.formatted("").replace("  target: y\n", "  target: y\n  test_split: 0.3\n");
    assertThatThrownBy(() -> SpecReader.read(spec, "t.yaml"))
        .hasMessageContaining("with test_csv the test rows come from that file")
        .hasMessageContaining("remove test_split");
  }
}
