package dev.lamina.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamina.spec.SpecException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The decision thresholds of a task: one for a binary model, one per label (or one for all) for a
 * multi-label model, none for the others; a probability strictly above its output's threshold is 1.
 */
class ThresholdsTest {
  private static final MultiLabel LABELS = new MultiLabel(List.of("Weight", "Waist", "Pulse"));
  private static final Binary BINARY = new Binary("Exited", List.of("0", "1"));

  private static Map<String, Double> map(Object... kv) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], (Double) kv[i + 1]);
    }
    return m;
  }

  @Test
  void eachLabelGetsItsOwnThresholdAndTheOthersTheFallback() {
    Thresholds t = Thresholds.of(map("Pulse", 0.7, "Weight", 0.3));
    assertThat(t.forOutputs(LABELS)).containsExactly(0.3, 0.5, 0.7);
    assertThat(t.byLabel(LABELS)).containsExactly(Map.entry("Weight", 0.3), Map.entry("Waist", 0.5),
        Map.entry("Pulse", 0.7));
    assertThat(Thresholds.of(0.2, map("Pulse", 0.7)).forOutputs(LABELS)).containsExactly(0.2, 0.2, 0.7);
    assertThat(Thresholds.of(0.4).forOutputs(LABELS)).containsExactly(0.4, 0.4, 0.4);
  }

  @Test
  void aBinaryModelHasOneThresholdAndMultiClassAndRegressionNone() {
    assertThat(Thresholds.of(0.3).forOutputs(BINARY)).containsExactly(0.3);
    assertThat(Thresholds.DEFAULT.forOutputs(new MultiClass("species", List.of("a", "b", "c")))).isEmpty();
    assertThat(Thresholds.DEFAULT.forOutputs(new Regression(List.of("Weight", "Waist")))).isEmpty();
  }

  @Test
  void aProbabilityIsDecidedOneOnlyWhenStrictlyAboveItsThreshold() {
    double[] t = {0.3, 0.7};
    assertThat(Thresholds.decide(0.31, t, 0)).isTrue();
    assertThat(Thresholds.decide(0.3, t, 0)).isFalse();
    assertThat(Thresholds.decide(0.69, t, 1)).isFalse();
    assertThat(Thresholds.decide(0.71, t, 1)).isTrue();
    assertThat(Thresholds.decide(Double.NaN, t, 0)).isFalse();
  }

  @Test
  void oneThresholdOverridesEveryLabelAndNamedOnesOnlyTheirs() {
    Thresholds saved = Thresholds.of(map("Weight", 0.3, "Pulse", 0.7));
    assertThat(saved.overriddenBy(Thresholds.of(0.6)).forOutputs(LABELS)).containsExactly(0.6, 0.6, 0.6);
    assertThat(saved.overriddenBy(Thresholds.parse("Pulse=0.9,Waist=0.2")).forOutputs(LABELS))
        .containsExactly(0.3, 0.2, 0.9);
  }

  @Test
  void theCommandLineFormsParse() {
    assertThat(Thresholds.parse("0.3")).isEqualTo(Thresholds.of(0.3));
    assertThat(Thresholds.parse(" Weight = 0.4 , Waist=0.6")).isEqualTo(Thresholds.of(map("Weight", 0.4, "Waist", 0.6)));
    assertThat(Thresholds.parse("Weight=0.4").toString()).isEqualTo("{Weight: 0.4}");
    assertThat(Thresholds.of(0.25).toString()).isEqualTo("0.25");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "abc | threshold: expected a number in (0, 1) or LABEL=T pairs such as Weight=0.4,Waist=0.6, got 'abc'",
      "1.5 | threshold: a threshold must be in (0, 1), got 1.5 (a probability strictly greater than it is decided 1)",
      "NaN | threshold: a threshold must be in (0, 1), got NaN (a probability strictly greater than it is decided 1)",
      "Weight=0.4,0.6 | threshold: expected a number in (0, 1) or LABEL=T pairs such as Weight=0.4,Waist=0.6, got"
          + " 'Weight=0.4,0.6'",
      "Weight=x | threshold.Weight: expected a number in (0, 1) or LABEL=T pairs such as Weight=0.4,Waist=0.6, got 'x'",
      "Weight=0 | threshold.Weight: a threshold must be in (0, 1), got 0.0 (a probability strictly greater than it is"
          + " decided 1)",
      "Weight=0.4,Weight=0.5 | threshold.Weight: label 'Weight' is given twice; give each label once"})
  void badCommandLineFormsSayWhatIsWrong(String text, String message) {
    assertThatThrownBy(() -> Thresholds.parse(text)).isInstanceOf(SpecException.class).hasMessage(message);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(doubles = {0.0, 1.0, -0.1, 2.0, Double.NaN, Double.POSITIVE_INFINITY})
  void everyThresholdIsInsideZeroToOne(double t) {
    assertThatThrownBy(() -> Thresholds.of(t)).isInstanceOf(SpecException.class).hasMessageStartingWith("threshold: ");
    assertThatThrownBy(() -> Thresholds.of(map("Waist", t))).isInstanceOf(SpecException.class)
        .hasMessageStartingWith("threshold.Waist: ");
  }

  @Test
  void aNameThatIsNotALabelIsRefusedWithTheClosestLabel() {
    assertThatThrownBy(() -> Thresholds.of(map("Wiast", 0.6)).check(LABELS)).isInstanceOf(SpecException.class)
        .hasMessage("threshold.Wiast: 'Wiast' is not a label of this model; the labels are Weight, Waist, Pulse (the"
            + " target columns, as data.target names them). Did you mean Waist?");
  }

  @Test
  void perLabelThresholdsOnAnotherTaskSayWhichTaskItIs() {
    Thresholds named = Thresholds.of(map("recal", 0.7));
    assertThatThrownBy(() -> named.check(BINARY)).hasMessage("threshold: a threshold per label (recal: 0.7) is for a"
        + " multi-label model (several 0/1 targets under binary_crossentropy), but this model is a binary classifier of"
        + " 'Exited'; give one number, e.g. threshold: 0.7, or choose it on the validation rows with threshold:"
        + " {recall: 0.7}. Did you mean recall?");
    assertThatThrownBy(() -> Thresholds.of(map("Weight", 0.4)).check(new Regression(List.of("Weight", "Waist"))))
        .hasMessageEndingWith("but this model is a regression of 2 targets [Weight, Waist], which has no threshold;"
            + " remove it");
    assertThatThrownBy(() -> named.check(new MultiClass("species", List.of("a", "b", "c"))))
        .hasMessageEndingWith(", which predicts the most probable class; remove threshold");
    Thresholds.of(0.3).check(BINARY);
    Thresholds.of(map("Pulse", 0.9)).check(LABELS);
  }
}
