package dev.lamina.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.lamina.optim.Optimizer.Clipping;
import dev.lamina.spec.ComponentSpec;
import dev.lamina.spec.SpecException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ScheduleTest {
  static Stream<Arguments> valuesAtSteps() {
    LearningRateSchedule exp = new ExponentialDecay(0.1, 10, 0.5, false);
    LearningRateSchedule expStairs = new ExponentialDecay(0.1, 10, 0.5, true);
    LearningRateSchedule inv = new InverseTimeDecay(0.1, 10, 0.5, false);
    LearningRateSchedule invStairs = new InverseTimeDecay(0.1, 10, 0.5, true);
    LearningRateSchedule piecewise = new PiecewiseConstantDecay(List.of(10.0, 20.0), List.of(1.0, 0.5, 0.1));
    LearningRateSchedule cosine = new CosineDecay(0.1, 100, 0.0);
    LearningRateSchedule cosineFloor = new CosineDecay(0.1, 100, 0.1);
    LearningRateSchedule warm = new CosineDecay(0.0, 100, 0.0, 0.1, 10);
    LearningRateSchedule step = new StepDecay(0.1, 10, 0.5);
    return Stream.of(
        Arguments.of("exponential", exp, 0, 0.1),
        Arguments.of("exponential", exp, 5, 0.1 * Math.sqrt(0.5)),
        Arguments.of("exponential", exp, 10, 0.05),
        Arguments.of("exponential", exp, 25, 0.1 * Math.pow(0.5, 2.5)),
        Arguments.of("exponential staircase", expStairs, 9, 0.1),
        Arguments.of("exponential staircase", expStairs, 10, 0.05),
        Arguments.of("exponential staircase", expStairs, 25, 0.025),
        Arguments.of("inverse time", inv, 5, 0.1 / 1.25),
        Arguments.of("inverse time", inv, 30, 0.1 / 2.5),
        Arguments.of("inverse time staircase", invStairs, 15, 0.1 / 1.5),
        Arguments.of("inverse time staircase", invStairs, 19, 0.1 / 1.5),
        Arguments.of("piecewise", piecewise, 0, 1.0),
        Arguments.of("piecewise", piecewise, 10, 1.0),
        Arguments.of("piecewise", piecewise, 11, 0.5),
        Arguments.of("piecewise", piecewise, 20, 0.5),
        Arguments.of("piecewise", piecewise, 21, 0.1),
        Arguments.of("piecewise", piecewise, 5000, 0.1),
        Arguments.of("cosine", cosine, 0, 0.1),
        Arguments.of("cosine", cosine, 50, 0.05),
        Arguments.of("cosine", cosine, 25, 0.1 * 0.5 * (1 + Math.cos(Math.PI / 4))),
        Arguments.of("cosine", cosine, 100, 0.0),
        Arguments.of("cosine", cosine, 400, 0.0),
        Arguments.of("cosine alpha", cosineFloor, 100, 0.01),
        Arguments.of("cosine alpha", cosineFloor, 50, 0.1 * (0.9 * 0.5 + 0.1)),
        Arguments.of("cosine warmup", warm, 5, 0.05),
        Arguments.of("cosine warmup", warm, 10, 0.1),
        Arguments.of("cosine warmup", warm, 60, 0.05),
        Arguments.of("cosine warmup", warm, 500, 0.0),
        Arguments.of("step", step, 9, 0.1),
        Arguments.of("step", step, 10, 0.05),
        Arguments.of("step", step, 35, 0.0125));
  }

  @ParameterizedTest(name = "{0} at step {2} = {3}")
  @MethodSource("valuesAtSteps")
  void scheduleValueAtStep(String label, LearningRateSchedule s, long step, double expected) {
    assertThat(s.at(step)).isCloseTo(expected, within(1e-15));
  }

  @Test
  void stepDecayEqualsStaircaseExponentialDecay() {
    StepDecay step = new StepDecay(0.3, 7, 0.6);
    ExponentialDecay exp = new ExponentialDecay(0.3, 7, 0.6, true);
    for (long t = 0; t < 60; t++) {
      assertThat(step.at(t)).as("step %d", t).isEqualTo(exp.at(t));
    }
  }

  @Test
  void optimizerUsesTheScheduleAtTheCurrentIteration() {
    ExponentialDecay exp = new ExponentialDecay(0.1, 1, 0.5, false);
    Parameter p = new Parameter("w", 1);
    p.grad()[0] = 1.0;
    Sgd sgd = new Sgd(Sgd.DEFAULT_LEARNING_RATE, exp, 0.0, false, Clipping.NONE);
    sgd.build(List.of(p));
    sgd.step(List.of(p));
    sgd.step(List.of(p));
    assertThat(p.value()[0]).isCloseTo(-(0.1 + 0.05), within(1e-15));
    assertThat(sgd.currentLearningRate()).isCloseTo(0.025, within(1e-15));
  }

  @Test
  void setLearningRateChangesTheNextStep() {
    Parameter p = new Parameter("w", 1);
    p.grad()[0] = 1.0;
    Sgd sgd = new Sgd(0.1, null, 0.0, false, Clipping.NONE);
    sgd.build(List.of(p));
    sgd.step(List.of(p));
    sgd.setLearningRate(0.01);
    sgd.step(List.of(p));
    assertThat(sgd.currentLearningRate()).isEqualTo(0.01);
    assertThat(p.value()[0]).isCloseTo(-0.11, within(1e-15));
  }

  @Test
  void setLearningRateIsRefusedWithASchedule() {
    Sgd sgd = new Sgd(0.1, new StepDecay(0.1, 10, 0.5), 0.0, false, Clipping.NONE);
    assertThat(sgd.hasSchedule()).isTrue();
    assertThatThrownBy(() -> sgd.setLearningRate(0.01))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("step_decay");
  }

  @Test
  void learningRateAcceptsANestedComponentSpec() {
    ComponentSpec spec = Optimizers.ADAM.with("learning_rate", Schedules.exponentialDecay(0.1, 10, 0.5, true));
    Optimizer opt = Optimizers.create(spec, "compile.optimizer");
    assertThat(opt.schedule()).isEqualTo(new ExponentialDecay(0.1, 10, 0.5, true));
  }

  @Test
  void learningRateAcceptsAOneEntryMap() {
    ComponentSpec spec = Optimizers.SGD.with("learning_rate",
        Map.of("CosineDecay", Map.of("initial_learning_rate", 0.2, "decay_steps", 50)));
    Optimizer opt = Optimizers.create(spec, "compile.optimizer");
    assertThat(opt.schedule()).isEqualTo(new CosineDecay(0.2, 50, 0.0));
  }

  @Test
  void learningRateAcceptsKerasSerializedForm() {
    Map<String, Object> keras = Map.of("module", "keras.optimizers.schedules", "class_name", "PiecewiseConstantDecay",
        "config", Map.of("boundaries", List.of(100, 200), "values", List.of(0.1, 0.01, 0.001), "name", "PiecewiseConstant"),
        "registered_name", "PiecewiseConstantDecay");
    Optimizer opt = Optimizers.create(Optimizers.SGD.with("learning_rate", keras), "opt");
    assertThat(opt.currentLearningRate()).isEqualTo(0.1);
    assertThat(opt.schedule().at(150)).isEqualTo(0.01);
  }

  @Test
  void missingRequiredScheduleArgumentIsNamed() {
    ComponentSpec spec = Optimizers.SGD.with("learning_rate",
        ComponentSpec.of("exponential_decay", "initial_learning_rate", 0.1, "decay_rate", 0.9));
    assertThatThrownBy(() -> Optimizers.create(spec, "compile.optimizer"))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("compile.optimizer.learning_rate.decay_steps")
        .hasMessageContaining("needs the argument 'decay_steps'");
  }

  @Test
  void badScheduleValueCarriesItsPath() {
    ComponentSpec spec = Optimizers.SGD.with("learning_rate", Schedules.exponentialDecay(0.1, 0, 0.5, false));
    assertThatThrownBy(() -> Optimizers.create(spec, "opt"))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("opt.learning_rate.decay_steps")
        .hasMessageContaining("positive");
  }

  @Test
  void piecewiseNeedsOneMoreValueThanBoundaries() {
    assertThatThrownBy(() -> new PiecewiseConstantDecay(List.of(10.0, 20.0), List.of(0.1, 0.01)))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("one more entry");
  }

  @Test
  void piecewiseBoundariesMustIncrease() {
    assertThatThrownBy(() -> new PiecewiseConstantDecay(List.of(20.0, 10.0), List.of(0.1, 0.01, 0.001)))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("strictly increasing");
  }

  @Test
  void unknownScheduleSuggestsCloseNames() {
    ComponentSpec spec = Optimizers.SGD.with("learning_rate", ComponentSpec.of("exponential_dekay"));
    assertThatThrownBy(() -> Optimizers.create(spec, "opt"))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("Did you mean")
        .hasMessageContaining("exponential_decay");
  }
}
