package dev.lamina.optim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.optim.Optimizer.Clipping;
import org.junit.jupiter.api.Test;

class AdagradTest {
  @Test
  void accumulatesSquaredGradientsFromTheInitialValue() {
    double lr = 0.05;
    double init = 0.1;
    double eps = 1e-7;
    UpdateFixture.assertFollows(new Adagrad(lr, null, init, eps, Clipping.NONE), (w, g) -> {
      double[] out = new double[g.length];
      double sum = init;
      for (int i = 0; i < g.length; i++) {
        sum += g[i] * g[i];
        w -= lr * g[i] / Math.sqrt(sum + eps);
        out[i] = w;
      }
      return out;
    });
  }

  @Test
  void accumulatorStartsAtInitialValue() {
    Adagrad opt = new Adagrad(0.01, null, 0.25, 1e-7, Clipping.NONE);
    opt.build(UpdateFixture.params());
    assertThat(opt.slots().get(0)).containsOnly(0.25);
    assertThat(opt.slots().get(1)).containsOnly(0.25);
  }

  @Test
  void defaultsAreKeras() {
    Adagrad opt = new Adagrad();
    assertThat(opt.currentLearningRate()).isEqualTo(0.001);
    assertThat(opt.initialAccumulatorValue()).isEqualTo(0.1);
    assertThat(opt.epsilon()).isEqualTo(1e-7);
    assertThat(opt.name()).isEqualTo("adagrad");
  }
}
