package dev.lamina.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.runspec.PredictSpec;
import dev.lamina.runspec.RunSpec;
import dev.lamina.spec.CompileSpec;
import dev.lamina.spec.ComponentSpec;
import dev.lamina.spec.DenseSpec;
import dev.lamina.table.DataSpec;
import dev.lamina.train.Fit;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The article's churn spec, read field by field. */
class SpecReaderExampleTest {
  static Path example() {
    try {
      return Path.of(SpecReaderExampleTest.class.getResource("/yaml/churn-he-uniform.yaml").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private final ParsedSpec parsed = SpecReader.read(example());
  private final RunSpec spec = parsed.spec();

  @Test
  void readsNameAndSeed() {
    assertThat(spec.model().name()).isEqualTo("churn-he-uniform");
    assertThat(spec.model().seed()).isEqualTo(42L);
  }

  @Test
  void readsTheDataSectionWithDefaultsForWhatIsNotWritten() {
    assertThat(spec.data()).isEqualTo(new DataSpec("../../data/churn.csv", null, "Exited",
        List.of("RowNumber", "CustomerId", "Surname"), List.of(), List.of("Geography", "Gender"), true, List.of(),
        "standard", 0.2, false, Map.of()));
  }

  @Test
  void readsTheThreeDenseLayers() {
    ComponentSpec relu = ComponentSpec.of("relu");
    ComponentSpec he = ComponentSpec.of("he_uniform");
    ComponentSpec zeros = ComponentSpec.of("zeros");
    assertThat(spec.model().layers()).containsExactly(
        new DenseSpec(6, relu, true, he, zeros, null, null, 11, null),
        new DenseSpec(6, relu, true, he, zeros, null, null, null, null),
        new DenseSpec(1, ComponentSpec.of("sigmoid"), true, ComponentSpec.of("glorot_uniform"), zeros, null, null,
            null, null));
  }

  @Test
  void readsCompile() {
    assertThat(spec.model().compile()).isEqualTo(new CompileSpec(ComponentSpec.of("adam"),
        ComponentSpec.of("binary_crossentropy"), List.of(ComponentSpec.of("accuracy"))));
  }

  @Test
  void readsFitWithTheEarlyStoppingCallbackAndItsTypedArguments() {
    Fit fit = spec.fit();
    assertThat(fit.epochs()).isEqualTo(100);
    assertThat(fit.batchSize()).isEqualTo(10);
    assertThat(fit.validationSplit()).isEqualTo(0.33);
    assertThat(fit.shuffle()).isTrue();
    assertThat(fit.callbacks()).containsExactly(ComponentSpec.of("early_stopping",
        "monitor", "val_loss", "patience", 10, "restore_best_weights", true));
    assertThat(fit.callbacks().get(0).args().get("patience")).isInstanceOf(Integer.class);
  }

  @Test
  void readsPredict() {
    assertThat(spec.predict()).isEqualTo(new PredictSpec(0.5));
  }

  @Test
  void keepsTheFileAndResolvesTheCsvAgainstItsFolder() {
    assertThat(parsed.file()).isEqualTo(example());
    assertThat(parsed.resolve(spec.data().csv()))
        .isEqualTo(example().toAbsolutePath().getParent().resolve("../../data/churn.csv").normalize());
    assertThat(parsed.sweep()).isEmpty();
  }

  @Test
  void marksPointAtTheWrittenValues() {
    SourceMap marks = parsed.marks();
    assertThat(marks.sourceName()).isEqualTo(example().toString());
    assertThat(marks.find("name")).isEqualTo(new SourceMark(1, 7));
    assertThat(marks.find("data.target")).isEqualTo(new SourceMark(5, 11));
    assertThat(marks.find("layers[0]")).isEqualTo(new SourceMark(11, 5));
    assertThat(marks.find("layers[0].dense.units")).isEqualTo(new SourceMark(11, 20));
    assertThat(marks.find("layers[2].dense.kernel_initializer")).isEqualTo(new SourceMark(13, 64));
    assertThat(marks.find("compile.optimizer")).isEqualTo(new SourceMark(15, 14));
    assertThat(marks.find("compile.metrics[0]")).isEqualTo(new SourceMark(17, 13));
    assertThat(marks.find("fit.callbacks[0].patience")).isEqualTo(new SourceMark(22, 62));
    assertThat(marks.find("fit.callbacks[0].early_stopping.patience")).isEqualTo(new SourceMark(22, 62));
    assertThat(marks.find("predict.threshold")).isEqualTo(new SourceMark(24, 14));
  }
}
