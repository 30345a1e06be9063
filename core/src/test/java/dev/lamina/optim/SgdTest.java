package dev.lamina.optim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.optim.Optimizer.Clipping;
import org.junit.jupiter.api.Test;

class SgdTest {
  @Test
  void plainSgdSubtractsRateTimesGradient() {
    double lr = 0.1;
    UpdateFixture.assertFollows(new Sgd(lr, null, 0.0, false, Clipping.NONE), (w, g) -> {
      double[] out = new double[g.length];
      for (int t = 0; t < g.length; t++) {
        w = w - lr * g[t];
        out[t] = w;
      }
      return out;
    });
  }

  @Test
  void momentumAccumulatesVelocity() {
    double lr = 0.1;
    double mu = 0.9;
    UpdateFixture.assertFollows(new Sgd(lr, null, mu, false, Clipping.NONE), (w, g) -> {
      double[] out = new double[g.length];
      double velocity = 0;
      for (int t = 0; t < g.length; t++) {
        velocity = mu * velocity - lr * g[t];
        w = w + velocity;
        out[t] = w;
      }
      return out;
    });
  }

  @Test
  void nesterovLooksAheadWithTheNewVelocity() {
    double lr = 0.05;
    double mu = 0.8;
    UpdateFixture.assertFollows(new Sgd(lr, null, mu, true, Clipping.NONE), (w, g) -> {
      double[] out = new double[g.length];
      double velocity = 0;
      for (int t = 0; t < g.length; t++) {
        velocity = mu * velocity - lr * g[t];
        w = w + mu * velocity - lr * g[t];
        out[t] = w;
      }
      return out;
    });
  }

  @Test
  void defaultsAreKeras() {
    Sgd sgd = new Sgd();
    assertThat(sgd.currentLearningRate()).isEqualTo(0.01);
    assertThat(sgd.momentum()).isZero();
    assertThat(sgd.nesterov()).isFalse();
    assertThat(sgd.name()).isEqualTo("sgd");
  }

  @Test
  void momentumSlotsExistOnlyWithMomentum() {
    Sgd plain = new Sgd();
    plain.build(UpdateFixture.params());
    Sgd heavy = new Sgd(0.01, null, 0.9, false, Clipping.NONE);
    heavy.build(UpdateFixture.params());
    assertThat(plain.slots()).isEmpty();
    assertThat(heavy.slots()).hasSize(2);
  }
}
