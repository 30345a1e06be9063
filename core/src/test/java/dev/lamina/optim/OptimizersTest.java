package dev.lamina.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamina.spec.ComponentSpec;
import dev.lamina.spec.SpecException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OptimizersTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "sgd, sgd", "SGD, sgd", "Sgd, sgd",
      "adam, adam", "Adam, adam", "ADAM, adam",
      "adamw, adamw", "AdamW, adamw", "ADAMW, adamw", "adam_w, adamw",
      "rmsprop, rmsprop", "RMSprop, rmsprop", "RMSProp, rmsprop", "Rmsprop, rmsprop", "RMSPROP, rmsprop",
      "adagrad, adagrad", "Adagrad, adagrad", "AdaGrad, adagrad",
      "nadam, nadam", "Nadam, nadam", "NAdam, nadam", "NADAM, nadam"})
  void namesResolveInAnyLetterCase(String written, String canonical) {
    assertThat(Optimizers.create(ComponentSpec.of(written), "opt").name()).isEqualTo(canonical);
  }

  @Test
  void misspelledNameSuggestsAdam() {
    assertThatThrownBy(() -> Optimizers.create(ComponentSpec.of("adma"), "compile.optimizer"))
        .isInstanceOf(SpecException.class)
        .hasMessageStartingWith("compile.optimizer: unknown optimizer 'adma'.")
        .hasMessageContaining("Did you mean")
        .hasMessageContaining("adam");
  }

  @Test
  void registryDefaultsMatchTheClassDefaults() {
    Adam adam = (Adam) Optimizers.create("adam");
    assertThat(adam.currentLearningRate()).isEqualTo(0.001);
    assertThat(adam.epsilon()).isEqualTo(1e-7);
    assertThat(((AdamW) Optimizers.create("adamw")).weightDecay()).isEqualTo(0.004);
    assertThat(Optimizers.create("sgd").currentLearningRate()).isEqualTo(0.01);
    assertThat(((Adagrad) Optimizers.create("adagrad")).initialAccumulatorValue()).isEqualTo(0.1);
  }

  @Test
  void typedFactoriesCarryTheirArguments() {
    Sgd sgd = (Sgd) Optimizers.create(Optimizers.sgd(0.2, 0.9, true), "opt");
    assertThat(sgd.currentLearningRate()).isEqualTo(0.2);
    assertThat(sgd.momentum()).isEqualTo(0.9);
    assertThat(sgd.nesterov()).isTrue();
    AdamW adamw = (AdamW) Optimizers.create(Optimizers.adamw(0.003, 0.01), "opt");
    assertThat(adamw.weightDecay()).isEqualTo(0.01);
    assertThat(Optimizers.create(Optimizers.adam(0.05), "opt").currentLearningRate()).isEqualTo(0.05);
  }

  @Test
  void commonArgumentsReachTheBase() {
    ComponentSpec spec = ComponentSpec.of("rmsprop", "clipnorm", 1.0, "weight_decay", 0.01, "name", "my_rmsprop");
    Optimizer opt = Optimizers.create(spec, "opt");
    assertThat(opt.clipping()).isEqualTo(new Optimizer.Clipping(1.0, null, null, 0.01));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "adam learning_rate=-1 | learning_rate | positive finite",
      "adam learning_rate=0 | learning_rate | positive finite",
      "adam beta_1=1.0 | beta_1 | [0, 1)",
      "nadam beta_2=-0.1 | beta_2 | [0, 1)",
      "adam epsilon=-1e-7 | epsilon | >= 0",
      "sgd momentum=1.5 | momentum | [0, 1]",
      "rmsprop momentum=-0.5 | momentum | [0, 1]",
      "rmsprop rho=1.0 | rho | [0, 1)",
      "adagrad initial_accumulator_value=-1 | initial_accumulator_value | >= 0",
      "sgd clipnorm=0 | clipnorm | positive",
      "sgd global_clipnorm=-1 | global_clipnorm | positive",
      "adam clipvalue=-0.5 | clipvalue | positive",
      "adam weight_decay=-0.1 | weight_decay | >= 0",
      "adam beta1=0.8 | beta1 | Did you mean beta_1",
      "sgd nesterov=maybe | nesterov | true or false"})
  void badArgumentIsRejectedAtItsPath(String spec, String key, String hint) {
    String[] parts = spec.split(" ");
    String[] kv = parts[1].split("=");
    Object value = kv[1].matches("-?[0-9.e-]+") ? (Object) Double.parseDouble(kv[1]) : kv[1];
    ComponentSpec c = ComponentSpec.of(parts[0], kv[0], value);
    assertThatThrownBy(() -> Optimizers.create(c, "compile.optimizer"))
        .isInstanceOf(SpecException.class)
        .hasMessageStartingWith("compile.optimizer." + key + ":")
        .hasMessageContaining(hint)
        .satisfies(e -> assertThat(((SpecException) e).path()).isEqualTo("compile.optimizer." + key));
  }

  @Test
  void twoClipArgumentsAreRejected() {
    ComponentSpec c = ComponentSpec.of("adam", "clipnorm", 1.0, "clipvalue", 0.5);
    assertThatThrownBy(() -> Optimizers.create(c, "opt"))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("opt.clipvalue")
        .hasMessageContaining("only one of clipnorm, clipvalue and global_clipnorm");
  }

  @Test
  void learningRateGivenAsNumericStringIsANumber() {
    Optimizer opt = Optimizers.create(ComponentSpec.of("adam", "learning_rate", "0.02"), "opt");
    assertThat(opt.hasSchedule()).isFalse();
    assertThat(opt.currentLearningRate()).isEqualTo(0.02);
  }

  @Test
  void setLearningRateRejectsNonPositiveRates() {
    Optimizer opt = Optimizers.create("sgd");
    assertThatThrownBy(() -> opt.setLearningRate(Double.NaN)).isInstanceOf(SpecException.class);
    assertThatThrownBy(() -> opt.setLearningRate(-0.1)).isInstanceOf(SpecException.class);
  }
}
