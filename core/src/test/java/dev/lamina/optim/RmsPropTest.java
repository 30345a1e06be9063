package dev.lamina.optim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.optim.Optimizer.Clipping;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RmsPropTest {
  private static final double RHO = 0.9;
  private static final double EPS = 1e-7;

  @ParameterizedTest(name = "momentum={0} centered={1}")
  @CsvSource({"0.0, false", "0.0, true", "0.7, false", "0.7, true"})
  void followsKerasRule(double momentum, boolean centered) {
    double lr = 0.01;
    UpdateFixture.assertFollows(new RmsProp(lr, null, RHO, momentum, EPS, centered, Clipping.NONE), (w, g) -> {
      double[] out = new double[g.length];
      double meanSquare = 0;
      double meanGrad = 0;
      double buffer = 0;
      for (int i = 0; i < g.length; i++) {
        meanSquare = RHO * meanSquare + (1 - RHO) * g[i] * g[i];
        meanGrad = RHO * meanGrad + (1 - RHO) * g[i];
        double variance = centered ? meanSquare - meanGrad * meanGrad : meanSquare;
        double step = lr * g[i] / Math.sqrt(variance + EPS);
        if (momentum > 0) {
          buffer = momentum * buffer + step;
          w -= buffer;
        } else {
          w -= step;
        }
        out[i] = w;
      }
      return out;
    });
  }

  @Test
  void epsilonSitsInsideTheSquareRoot() {
    double eps = 0.5;
    RmsProp opt = new RmsProp(0.01, null, RHO, 0.0, eps, false, Clipping.NONE);
    double[][][] out = UpdateFixture.run(opt);
    double g = UpdateFixture.GRADS[0][0][0];
    double expected = UpdateFixture.W0[0][0] - 0.01 * g / Math.sqrt((1 - RHO) * g * g + eps);
    assertThat(out[0][0][0]).isEqualTo(expected);
  }

  @Test
  void defaultsAreKeras() {
    RmsProp opt = new RmsProp();
    assertThat(opt.currentLearningRate()).isEqualTo(0.001);
    assertThat(opt.rho()).isEqualTo(0.9);
    assertThat(opt.momentum()).isZero();
    assertThat(opt.epsilon()).isEqualTo(1e-7);
    assertThat(opt.centered()).isFalse();
    assertThat(opt.name()).isEqualTo("rmsprop");
  }

  @Test
  void slotsAreVelocitiesMomentumsAndAverages() {
    RmsProp opt = new RmsProp(0.01, null, RHO, 0.5, EPS, true, Clipping.NONE);
    opt.build(UpdateFixture.params());
    assertThat(opt.slots()).hasSize(6);
    RmsProp plain = new RmsProp();
    plain.build(UpdateFixture.params());
    assertThat(plain.slots()).hasSize(2);
  }
}
