package dev.lamina.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamina.runspec.PredictSpec;
import dev.lamina.runspec.RunSpec;
import dev.lamina.runspec.ThresholdStrategy;
import dev.lamina.task.Thresholds;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code predict: {threshold: ...}} of a multi-label spec: one number for every label (as before,
 * default 0.5), or one per label by target name, where the labels not named keep the default. A
 * name that is not a target, a value outside (0, 1), and a per-label map on a spec with one target
 * are each one line at the offending key or value.
 */
class PerLabelThresholdSpecTest {
  private static final String LABELS = """
      name: labels
      data: {csv: d.csv, target: [Weight, Waist, Pulse]}
      layers:
        - dense: {units: 4, input_dim: 3}
        - dense: {units: 3, activation: sigmoid}
      compile: {optimizer: adam, loss: binary_crossentropy}
      predict:
      """;

  private static RunSpec read(String predict) {
    return SpecReader.read(LABELS + predict, "model.yaml").spec();
  }

  private static String error(String yaml) {
    SpecLocationException e = org.assertj.core.api.Assertions.catchThrowableOfType(SpecLocationException.class,
        () -> SpecReader.read(yaml, "model.yaml"));
    assertThat(e).as("an error for:%n%s", yaml).isNotNull();
    assertThat(e.getMessage()).doesNotContain("\n");
    return e.getMessage();
  }

  @Test
  void aMapByTargetNameGivesThoseLabelsTheirThresholdAndTheOthersTheDefault() {
    PredictSpec p = read("  threshold: {Weight: 0.4, Pulse: 0.7}\n").predict();
    Map<String, Double> expected = new LinkedHashMap<>();
    expected.put("Weight", 0.4);
    expected.put("Pulse", 0.7);
    assertThat(p.thresholds()).isEqualTo(Thresholds.of(expected));
    assertThat(p.strategy()).isEqualTo(ThresholdStrategy.FIXED);
    assertThat(p.thresholds().of("Weight")).isEqualTo(0.4);
    assertThat(p.thresholds().of("Waist")).isEqualTo(PredictSpec.DEFAULT_THRESHOLD);
    assertThat(p.thresholds().of("Pulse")).isEqualTo(0.7);
  }

  @Test
  void oneNumberStillServesEveryLabel() {
    PredictSpec p = read("  threshold: 0.35\n").predict();
    assertThat(p.thresholds().single()).isTrue();
    assertThat(p.thresholds().of("Waist")).isEqualTo(0.35);
  }

  @Test
  void perLabelThresholdsSurviveTheWriterInTheirOrder() {
    RunSpec spec = read("  threshold: {Pulse: 0.7, Weight: 0.25}\n");
    String written = SpecWriter.write(spec);
    assertThat(written).contains("predict:\n  threshold: {Pulse: 0.7, Weight: 0.25}\n");
    RunSpec again = SpecReader.read(written, "again.yaml").spec();
    assertThat(again.predict()).isEqualTo(spec.predict());
    assertThat(again.predict().thresholds().named().keySet()).containsExactly("Pulse", "Weight");
  }

  @Test
  void aNameThatIsNotATargetIsPlacedAtItsKeyWithTheClosestLabel() {
    assertThat(error(LABELS + "  threshold: {Weight: 0.4, Wiast: 0.6}\n")).isEqualTo("model.yaml:8:28:"
        + " predict.threshold.Wiast: 'Wiast' is not a label of this model; the labels are Weight, Waist, Pulse (the"
        + " target columns, as data.target names them). Did you mean Waist?");
  }

  @Test
  void aLabelThresholdOutsideZeroToOneIsPlacedAtTheValue() {
    assertThat(error(LABELS + "  threshold: {Weight: 0.4, Waist: 1.2}\n")).isEqualTo("model.yaml:8:35:"
        + " predict.threshold.Waist: a threshold must be in (0, 1), got 1.2 (a probability strictly greater than it is"
        + " decided 1)");
    assertThat(error(LABELS + "  threshold: {Weight: 0}\n")).startsWith("model.yaml:8:23: predict.threshold.Weight:"
        + " a threshold must be in (0, 1), got 0.0");
  }

  @Test
  void aLabelWithoutAThresholdSaysWhatToWrite() {
    assertThat(error(LABELS + "  threshold: {Weight: 0.4, Waist: }\n")).isEqualTo("model.yaml:8:34:"
        + " predict.threshold.Waist: give label Waist a threshold in (0, 1), e.g. Waist: 0.4");
  }

  @Test
  void aMapOnASpecWithOneTargetIsRefusedAndSuggestsRecall() {
    String binary = LABELS.replace("target: [Weight, Waist, Pulse]", "target: Weight").replace("units: 3", "units: 1");
    assertThat(error(binary + "  threshold: {recal: 0.7}\n")).isEqualTo("model.yaml:8:15: predict.threshold: a"
        + " threshold per label is for a multi-label model (several 0/1 targets under binary_crossentropy), but"
        + " data.target names one column, Weight. Give one number, e.g. threshold: 0.5, or choose it on the"
        + " validation rows: threshold: best_f1 or {recall: 0.7}. Did you mean recall?");
  }

  @Test
  void recallAloneIsStillTheChosenThresholdOfABinaryModel() {
    String binary = LABELS.replace("target: [Weight, Waist, Pulse]", "target: Weight").replace("units: 3", "units: 1");
    RunSpec spec = SpecReader.read(binary + "  threshold: {recall: 0.8}\n", "model.yaml").spec();
    assertThat(spec.predict()).isEqualTo(PredictSpec.chosen(ThresholdStrategy.recall(0.8)));
  }

  @Test
  void aLabelNamedRecallIsALabelNotTheChosenThreshold() {
    String recall = LABELS.replace("target: [Weight, Waist, Pulse]", "target: [Weight, Waist, recall]");
    RunSpec spec = SpecReader.read(recall + "  threshold: {recall: 0.8}\n", "model.yaml").spec();
    assertThat(spec.predict()).isEqualTo(PredictSpec.perLabel(Map.of("recall", 0.8)));
  }

  @Test
  void aChosenThresholdCannotAlsoBePerLabel() {
    assertThatThrownBy(() -> new PredictSpec(Thresholds.of(Map.of("Weight", 0.4)), ThresholdStrategy.BEST_F1))
        .hasMessage("threshold: a chosen threshold (best_f1) is one threshold of a binary model; it cannot also be"
            + " given per label");
  }
}
