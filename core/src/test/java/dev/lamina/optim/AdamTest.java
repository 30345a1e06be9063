package dev.lamina.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lamina.optim.Optimizer.Clipping;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdamTest {
  private static final double B1 = 0.9;
  private static final double B2 = 0.999;
  private static final double EPS = 1e-7;

  /**
   * Textbook Adam (bias-corrected moments) with Keras's epsilon hat rewritten as the equivalent
   * textbook epsilon eps / sqrt(1 - b2^t): an independent form of the same rule.
   */
  private static double[] textbookAdam(double lr, double eps, boolean amsgrad, double w, double[] g) {
    double[] out = new double[g.length];
    double m = 0;
    double v = 0;
    double vMax = 0;
    for (int i = 0; i < g.length; i++) {
      int t = i + 1;
      m = B1 * m + (1 - B1) * g[i];
      v = B2 * v + (1 - B2) * g[i] * g[i];
      vMax = Math.max(vMax, v);
      double second = amsgrad ? vMax : v;
      double mHat = m / (1 - Math.pow(B1, t));
      double vHat = second / (1 - Math.pow(B2, t));
      double epsStd = eps / Math.sqrt(1 - Math.pow(B2, t));
      w = w - lr * mHat / (Math.sqrt(vHat) + epsStd);
      out[i] = w;
    }
    return out;
  }

  @Test
  void followsAdamWithEpsilonHat() {
    UpdateFixture.assertFollows(new Adam(0.01, null, B1, B2, EPS, false, Clipping.NONE),
        (w, g) -> textbookAdam(0.01, EPS, false, w, g));
  }

  @Test
  void epsilonIsAddedToTheUncorrectedRoot() {
    // A large epsilon makes the epsilon-hat form differ visibly from textbook Adam with the same epsilon.
    double eps = 0.1;
    double[][][] keras = UpdateFixture.run(new Adam(0.01, null, B1, B2, eps, false, Clipping.NONE));
    double g = UpdateFixture.GRADS[0][0][0];
    double hatForm = UpdateFixture.W0[0][0] - 0.01 * Math.sqrt(1 - B2) / (1 - B1) * ((1 - B1) * g)
        / (Math.sqrt((1 - B2) * g * g) + eps);
    double textbookSameEps = UpdateFixture.W0[0][0] - 0.01 * g / (Math.abs(g) + eps);
    assertThat(keras[0][0][0]).isCloseTo(hatForm, within(1e-12));
    assertThat(Math.abs(keras[0][0][0] - textbookSameEps)).isGreaterThan(1e-4);
  }

  @Test
  void amsgradUsesTheRunningMaximumOfSecondMoments() {
    UpdateFixture.assertFollows(new Adam(0.01, null, B1, B2, EPS, true, Clipping.NONE),
        (w, g) -> textbookAdam(0.01, EPS, true, w, g));
  }

  @Test
  void amsgradChangesTheTrajectoryWhenGradientsShrink() {
    double[][][] plain = UpdateFixture.run(new Adam(0.01, null, B1, B2, EPS, false, Clipping.NONE));
    double[][][] ams = UpdateFixture.run(new Adam(0.01, null, B1, B2, EPS, true, Clipping.NONE));
    // Parameter 1 element 0 sees gradients 1.5, 0.2, 0.01: v falls at step 3, so the max differs from v.
    assertThat(Math.abs(plain[2][1][0] - ams[2][1][0])).isGreaterThan(1e-6);
  }

  @Test
  void defaultsAreKeras() {
    Adam adam = new Adam();
    assertThat(adam.currentLearningRate()).isEqualTo(0.001);
    assertThat(adam.beta1()).isEqualTo(0.9);
    assertThat(adam.beta2()).isEqualTo(0.999);
    assertThat(adam.epsilon()).isEqualTo(1e-7);
    assertThat(adam.amsgrad()).isFalse();
    assertThat(adam.clipping().weightDecay()).isNull();
  }

  @Test
  void slotsAreMomentsThenVelocitiesThenMaxima() {
    Adam adam = new Adam(0.01, null, B1, B2, EPS, true, Clipping.NONE);
    List<Parameter> ps = UpdateFixture.params();
    adam.build(ps);
    UpdateFixture.setGrads(ps, 0);
    adam.step(ps);
    List<double[]> slots = adam.slots();
    assertThat(slots).hasSize(6);
    double g = UpdateFixture.GRADS[0][1][0];
    assertThat(slots.get(1)[0]).isCloseTo((1 - B1) * g, within(1e-15));
    assertThat(slots.get(3)[0]).isCloseTo((1 - B2) * g * g, within(1e-15));
    assertThat(slots.get(5)[0]).isEqualTo(slots.get(3)[0]);
  }
}
