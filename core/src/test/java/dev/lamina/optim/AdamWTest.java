package dev.lamina.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamina.optim.Optimizer.Clipping;
import dev.lamina.spec.SpecException;
import org.junit.jupiter.api.Test;

class AdamWTest {
  private static final double B1 = 0.9;
  private static final double B2 = 0.999;
  private static final double EPS = 1e-7;

  @Test
  void decaysWeightsBeforeTheAdamStep() {
    double lr = 0.01;
    double wd = 0.05;
    AdamW opt = new AdamW(lr, null, B1, B2, EPS, false, Clipping.NONE.withWeightDecay(wd));
    UpdateFixture.assertFollows(opt, (w, g) -> {
      double[] out = new double[g.length];
      double m = 0;
      double v = 0;
      for (int i = 0; i < g.length; i++) {
        int t = i + 1;
        w = w * (1 - lr * wd);
        m = B1 * m + (1 - B1) * g[i];
        v = B2 * v + (1 - B2) * g[i] * g[i];
        double alpha = lr * Math.sqrt(1 - Math.pow(B2, t)) / (1 - Math.pow(B1, t));
        w = w - alpha * m / (Math.sqrt(v) + EPS);
        out[i] = w;
      }
      return out;
    });
  }

  @Test
  void defaultWeightDecayIsKeras() {
    AdamW opt = new AdamW();
    assertThat(opt.weightDecay()).isEqualTo(0.004);
    assertThat(opt.name()).isEqualTo("adamw");
    assertThat(opt.currentLearningRate()).isEqualTo(0.001);
  }

  @Test
  void refusesNoWeightDecay() {
    assertThatThrownBy(() -> new AdamW(0.001, null, B1, B2, EPS, false, Clipping.NONE))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("weight_decay");
  }

  @Test
  void weightDecayOnPlainAdamMatchesAdamW() {
    Clipping decay = Clipping.NONE.withWeightDecay(0.02);
    double[][][] adam = UpdateFixture.run(new Adam(0.01, null, B1, B2, EPS, false, decay));
    double[][][] adamw = UpdateFixture.run(new AdamW(0.01, null, B1, B2, EPS, false, decay));
    assertThat(adam).isEqualTo(adamw);
  }
}
