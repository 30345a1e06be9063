package dev.lamina.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamina.spec.CompileSpec;
import dev.lamina.spec.ComponentSpec;
import dev.lamina.spec.SpecException;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskTest {
  private static final String UNITS = "layers[2].dense.units";

  private static OutputLayer out(int units, String activation) {
    return new OutputLayer(units, activation, UNITS);
  }

  @Test
  void aRegressionLossOnNumbersIsARegressionWithOneOutputPerTarget() {
    Task one = Task.decide("mean_squared_error", out(1, "linear"), List.of(Target.numeric("Price", false)));
    assertThat(one).isEqualTo(new Regression(List.of("Price")));
    Task three = Task.decide("huber", out(3, null), List.of(Target.numeric("Weight", false),
        Target.numeric("Waist", false), Target.numeric("Pulse", false)));
    assertThat(three.kind()).isEqualTo("regression");
    assertThat(three.targets()).containsExactly("Weight", "Waist", "Pulse");
    assertThat(three.classification()).isFalse();
    assertThat(three.classes()).isEmpty();
  }

  @Test
  void binaryCrossentropyOnOneTargetIsBinaryWithTheClassNames() {
    assertThat(Task.decide("binary_crossentropy", out(1, "sigmoid"), List.of(new Target("Churn", List.of("No", "Yes"), true))))
        .isEqualTo(new Binary("Churn", List.of("No", "Yes")));
    assertThat(Task.decide("binary_crossentropy", out(1, "sigmoid"), List.of(Target.numeric("Exited", true))).classes())
        .containsExactly("0", "1");
  }

  @Test
  void binaryCrossentropyOnSeveralZeroOneTargetsIsMultiLabel() {
    Task t = Task.decide("binary_crossentropy", out(2, "sigmoid"), List.of(Target.numeric("a", true), Target.numeric("b", true)));
    assertThat(t).isEqualTo(new MultiLabel(List.of("a", "b")));
    assertThat(t.outputs()).isEqualTo(2);
  }

  @Test
  void categoricalLossesMakeAMultiClassTaskNamedByItsClasses() {
    Task t = Task.decide("sparse_categorical_crossentropy", out(3, "softmax"),
        List.of(new Target("species", List.of("setosa", "versicolor", "virginica"), false)));
    assertThat(t).isEqualTo(new MultiClass("species", List.of("setosa", "versicolor", "virginica")));
    assertThat(Task.decide("categorical_crossentropy", out(4, "softmax"), List.of(Target.numeric("digit", false))).classes())
        .containsExactly("0", "1", "2", "3");
  }

  @Test
  void disagreementsNameTheKeyToChange() {
    assertThatThrownBy(() -> Task.decide("mean_squared_error", out(1, null), List.of(new Target("species", List.of("a", "b", "c"), false))))
        .isInstanceOf(SpecException.class).hasMessageStartingWith("data.target: the target 'species' holds text");
    assertThatThrownBy(() -> Task.decide("mean_squared_error", out(1, null), List.of(Target.numeric("a", false), Target.numeric("b", false))))
        .isInstanceOf(SpecException.class).hasMessageStartingWith(UNITS + ": a regression needs one output per target")
        .hasMessageContaining("Set units: 2");
    assertThatThrownBy(() -> Task.decide("binary_crossentropy", out(2, "sigmoid"), List.of(Target.numeric("a", true), Target.numeric("b", false))))
        .isInstanceOf(SpecException.class).hasMessageContaining("the multi-label target 'b' holds values other than 0 and 1");
    assertThatThrownBy(() -> Task.decide("binary_crossentropy", out(2, "softmax"), List.of(Target.numeric("a", true), Target.numeric("b", true))))
        .isInstanceOf(SpecException.class).hasMessageContaining("use activation: sigmoid");
    assertThatThrownBy(() -> Task.decide("sparse_categorical_crossentropy", out(2, "softmax"),
        List.of(new Target("species", List.of("a", "b", "c"), false))))
        .isInstanceOf(SpecException.class).hasMessageStartingWith(UNITS + ": the target 'species' has 3 classes");
    assertThatThrownBy(() -> Task.decide("binary_crossentropy", out(1, "sigmoid"), List.of(new Target("s", List.of("a", "b", "c"), false))))
        .isInstanceOf(SpecException.class).hasMessageContaining("sparse_categorical_crossentropy");
  }

  @Test
  void aMetricThatDoesNotFitTheTaskIsASpecErrorAtItsPath() {
    Task regression = new Regression(List.of("y"));
    CompileSpec accuracy = new CompileSpec(null, ComponentSpec.of("mse"), List.of(ComponentSpec.of("mae"), ComponentSpec.of("accuracy")));
    assertThatThrownBy(() -> regression.checkMetrics(accuracy))
        .isInstanceOf(SpecException.class)
        .hasMessageStartingWith("compile.metrics[1]: metric 'accuracy' measures classes, but this model is a regression of 'y'")
        .hasMessageContaining("mae, mse, rmse");
    Task binary = new Binary("Exited", List.of("0", "1"));
    CompileSpec mae = new CompileSpec(null, ComponentSpec.of("binary_crossentropy"), List.of(), List.of(ComponentSpec.of("mae")));
    assertThatThrownBy(() -> binary.checkMetrics(mae))
        .isInstanceOf(SpecException.class)
        .hasMessageStartingWith("compile.weighted_metrics[0]: metric 'mae' measures numbers, but this model is a binary classifier");
    regression.checkMetrics(new CompileSpec(null, ComponentSpec.of("mse"), List.of(ComponentSpec.of("r2"), ComponentSpec.of("rmse"))));
  }
}
