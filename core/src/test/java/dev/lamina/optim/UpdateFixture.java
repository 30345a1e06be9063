package dev.lamina.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

/**
 * Two small parameters (3 and 2 elements) and three steps of fixed gradients, run through an
 * optimizer and compared element by element with a reference rule written in the test.
 */
final class UpdateFixture {
  private UpdateFixture() {}

  static final double TOLERANCE = 1e-12;
  static final int STEPS = 3;
  static final double[][] W0 = {{0.5, -1.2, 2.0}, {0.3, -0.7}};
  /** GRADS[step][param][element]; param 1 element 0 goes 1.5, 0.2, 0.01 so its second moment falls at step 3 and AMSGrad's max matters. */
  static final double[][][] GRADS = {
      {{0.9, -0.3, 0.05}, {1.5, -0.02}},
      {{0.1, 0.4, -0.6}, {0.2, -0.5}},
      {{-0.2, 0.05, 0.3}, {0.01, 0.7}},
  };

  /** The reference: the element's value after each of the steps, from its start and gradients. */
  interface ElementRule {
    double[] run(double w0, double[] gradsOverSteps);
  }

  static List<Parameter> params() {
    Parameter a = new Parameter("dense/kernel", 3);
    Parameter b = new Parameter("dense/bias", 2);
    System.arraycopy(W0[0], 0, a.value(), 0, 3);
    System.arraycopy(W0[1], 0, b.value(), 0, 2);
    return List.of(a, b);
  }

  static void setGrads(List<Parameter> ps, int step) {
    for (int p = 0; p < ps.size(); p++) {
      System.arraycopy(GRADS[step][p], 0, ps.get(p).grad(), 0, GRADS[step][p].length);
    }
  }

  /** Values after each step: [step][param][element]. */
  static double[][][] run(Optimizer opt) {
    List<Parameter> ps = params();
    opt.build(ps);
    double[][][] out = new double[STEPS][][];
    for (int s = 0; s < STEPS; s++) {
      setGrads(ps, s);
      opt.step(ps);
      out[s] = new double[][] {ps.get(0).value().clone(), ps.get(1).value().clone()};
    }
    return out;
  }

  static void assertFollows(Optimizer opt, ElementRule rule) {
    double[][][] actual = run(opt);
    for (int p = 0; p < W0.length; p++) {
      for (int k = 0; k < W0[p].length; k++) {
        double[] g = new double[STEPS];
        for (int s = 0; s < STEPS; s++) {
          g[s] = GRADS[s][p][k];
        }
        double[] expected = rule.run(W0[p][k], g);
        for (int s = 0; s < STEPS; s++) {
          assertThat(actual[s][p][k]).as("param %d element %d after step %d", p, k, s + 1)
              .isCloseTo(expected[s], within(TOLERANCE));
        }
      }
    }
  }
}
