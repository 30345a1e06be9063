package dev.lamina.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lamina.optim.Optimizer.Clipping;
import java.util.List;
import org.junit.jupiter.api.Test;

class NadamTest {
  private static final double B1 = 0.9;
  private static final double B2 = 0.999;
  private static final double EPS = 1e-7;

  /** Dozat's momentum schedule mu_t = beta_1 * (1 - 0.5 * 0.96^t). */
  private static double mu(int t) {
    return B1 * (1 - 0.5 * Math.pow(0.96, t));
  }

  /** Product of mu_1..mu_t. */
  private static double muProduct(int t) {
    double p = 1;
    for (int s = 1; s <= t; s++) {
      p *= mu(s);
    }
    return p;
  }

  @Test
  void followsKerasMomentumCacheSchedule() {
    double lr = 0.02;
    UpdateFixture.assertFollows(new Nadam(lr, null, B1, B2, EPS, Clipping.NONE), (w, g) -> {
      double[] out = new double[g.length];
      double m = 0;
      double v = 0;
      for (int i = 0; i < g.length; i++) {
        int t = i + 1;
        m = B1 * m + (1 - B1) * g[i];
        v = B2 * v + (1 - B2) * g[i] * g[i];
        double mHat = mu(t + 1) * m / (1 - muProduct(t + 1)) + (1 - mu(t)) * g[i] / (1 - muProduct(t));
        double vHat = v / (1 - Math.pow(B2, t));
        w -= lr * mHat / (Math.sqrt(vHat) + EPS);
        out[i] = w;
      }
      return out;
    });
  }

  @Test
  void momentumProductAdvancesOncePerStepNotPerParameter() {
    Nadam opt = new Nadam(0.01, null, B1, B2, EPS, Clipping.NONE);
    List<Parameter> ps = UpdateFixture.params();
    opt.build(ps);
    for (int s = 0; s < 3; s++) {
      UpdateFixture.setGrads(ps, s);
      opt.step(ps);
    }
    List<double[]> slots = opt.slots();
    assertThat(slots.get(slots.size() - 1)[0]).isCloseTo(muProduct(3), within(1e-15));
  }

  @Test
  void restoredStepCountRecomputesTheProduct() {
    Nadam opt = new Nadam(0.01, null, B1, B2, EPS, Clipping.NONE);
    List<Parameter> ps = UpdateFixture.params();
    opt.build(ps);
    opt.setIterations(9);
    UpdateFixture.setGrads(ps, 0);
    opt.step(ps);
    List<double[]> slots = opt.slots();
    assertThat(slots.get(slots.size() - 1)[0]).isCloseTo(muProduct(10), within(1e-15));
  }

  @Test
  void defaultsAreKeras() {
    Nadam opt = new Nadam();
    assertThat(opt.currentLearningRate()).isEqualTo(0.001);
    assertThat(opt.beta1()).isEqualTo(0.9);
    assertThat(opt.beta2()).isEqualTo(0.999);
    assertThat(opt.epsilon()).isEqualTo(1e-7);
    assertThat(opt.name()).isEqualTo("nadam");
  }
}
