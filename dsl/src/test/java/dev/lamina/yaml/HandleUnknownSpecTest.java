package dev.lamina.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamina.runspec.RunSpec;
import dev.lamina.table.UnknownCategories;
import dev.lamina.table.UnknownCategories.Policy;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The forms of {@code data: {handle_unknown: ...}}, their errors at line:col, and the writer's round trip. */
class HandleUnknownSpecTest {
  private static final String SPEC = """
      name: m
      data:
        csv: d.csv
        target: y
        one_hot: [Geography, Gender]
        label_encode: [Grade]
        handle_unknown: %s
      layers:
        - dense: {units: 1, activation: sigmoid}
      compile: {optimizer: adam, loss: binary_crossentropy}
      """;

  private static RunSpec read(String handleUnknown) {
    return SpecReader.read(SPEC.formatted(handleUnknown), "m.yaml").spec();
  }

  @Test
  void aWordAppliesToEveryOneHotColumn() {
    UnknownCategories u = read("ignore").data().handleUnknown();
    assertThat(u).isEqualTo(UnknownCategories.IGNORE);
    assertThat(u.of("Gender")).isEqualTo(Policy.IGNORE);
  }

  @Test
  void aMapSetsTheColumnsItNamesAndTheOthersKeepError() {
    UnknownCategories u = read("{Geography: ignore}").data().handleUnknown();
    assertThat(u.of("Geography")).isEqualTo(Policy.IGNORE);
    assertThat(u.of("Gender")).isEqualTo(Policy.ERROR);
  }

  @Test
  void leftOutItIsError() {
    RunSpec spec = SpecReader.read(SPEC.replace("  handle_unknown: %s\n", ""), "m.yaml").spec();
    assertThat(spec.data().handleUnknown()).isEqualTo(UnknownCategories.ERROR);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"ignore", "error", "'{Geography: ignore}'", "'{Geography: ignore, Gender: error}'"})
  void theWriterWritesWhatTheReaderReads(String form) {
    RunSpec spec = read(form.replace("'", ""));
    RunSpec again = SpecReader.read(SpecWriter.write(spec), "again.yaml").spec();
    assertThat(again.data().handleUnknown().columns()).isEqualTo(spec.data().handleUnknown().columns());
    assertThat(again.data().handleUnknown().of("Gender")).isEqualTo(spec.data().handleUnknown().of("Gender"));
    assertThat(again.data().handleUnknown().of("Geography")).isEqualTo(spec.data().handleUnknown().of("Geography"));
  }

  @Test
  void aMisspeltPolicyIsRefusedAtItsPlaceWithDidYouMean() {
    assertThatThrownBy(() -> read("{Geography: ignor}"))
        .hasMessage("m.yaml:7:31: data.handle_unknown.Geography: handle_unknown must be error or ignore (scikit-learn's"
            + " OneHotEncoder), got 'ignor'. Did you mean ignore?");
  }

  @Test
  void aColumnThatIsNotOneHotIsRefusedNamingTheOneHotColumns() {
    assertThatThrownBy(() -> read("{Geografy: ignore}"))
        .hasMessageContaining("data.handle_unknown.Geografy: 'Geografy' is not a one_hot column; handle_unknown applies"
            + " to the one_hot columns [Geography, Gender]. Did you mean Geography?");
    assertThatThrownBy(() -> read("{Grade: ignore}"))
        .hasMessageContaining("(a label_encode column always refuses an unseen level)");
  }

  @Test
  void theFluentWayGivesTheSameSpec() {
    RunSpec yaml = read("{Geography: ignore}");
    assertThat(yaml.data().withHandleUnknown(UnknownCategories.perColumn(Map.of("Geography", Policy.IGNORE))))
        .isEqualTo(yaml.data());
  }
}
