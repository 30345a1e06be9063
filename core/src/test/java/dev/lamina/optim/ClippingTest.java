package dev.lamina.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lamina.optim.Optimizer.Clipping;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Clipping seen through SGD with learning rate 1, so each weight moves by exactly the clipped gradient. */
class ClippingTest {
  private static final double[] GRAD_A = {3.0, -4.0, 0.0};
  private static final double[] GRAD_B = {0.6, 0.8};

  /** The applied (clipped) gradients: [param][element]. */
  private static double[][] appliedGradients(Clipping clipping) {
    Parameter a = new Parameter("a", 3);
    Parameter b = new Parameter("b", 2);
    System.arraycopy(GRAD_A, 0, a.grad(), 0, 3);
    System.arraycopy(GRAD_B, 0, b.grad(), 0, 2);
    List<Parameter> ps = List.of(a, b);
    Sgd sgd = new Sgd(1.0, null, 0.0, false, clipping);
    sgd.build(ps);
    sgd.step(ps);
    double[][] out = {new double[3], new double[2]};
    for (int k = 0; k < 3; k++) {
      out[0][k] = -a.value()[k];
    }
    for (int k = 0; k < 2; k++) {
      out[1][k] = -b.value()[k];
    }
    return out;
  }

  private static void assertGradients(double[][] actual, double[] a, double[] b) {
    for (int k = 0; k < a.length; k++) {
      assertThat(actual[0][k]).as("a[%d]", k).isCloseTo(a[k], within(1e-12));
    }
    for (int k = 0; k < b.length; k++) {
      assertThat(actual[1][k]).as("b[%d]", k).isCloseTo(b[k], within(1e-12));
    }
  }

  @Test
  void clipnormRescalesEachTensorAboveTheCapOnItsOwn() {
    // ||a|| = 5 is cut to 2; ||b|| = 1 is under the cap and stays.
    double[][] g = appliedGradients(new Clipping(2.0, null, null, null));
    assertGradients(g, new double[] {1.2, -1.6, 0.0}, GRAD_B);
  }

  @Test
  void globalClipnormRescalesAllTensorsByTheJointNorm() {
    double scale = 2.0 / Math.sqrt(25 + 1);
    double[][] g = appliedGradients(new Clipping(null, null, 2.0, null));
    assertGradients(g, new double[] {3 * scale, -4 * scale, 0}, new double[] {0.6 * scale, 0.8 * scale});
  }

  @Test
  void globalClipnormLeavesSmallGradientsAlone() {
    double[][] g = appliedGradients(new Clipping(null, null, 10.0, null));
    assertGradients(g, GRAD_A, GRAD_B);
  }

  @Test
  void clipvalueClipsEachElement() {
    double[][] g = appliedGradients(new Clipping(null, 0.7, null, null));
    assertGradients(g, new double[] {0.7, -0.7, 0.0}, new double[] {0.6, 0.7});
  }

  @Test
  void weightDecayUsesTheStepsLearningRateBeforeTheUpdate() {
    Parameter p = new Parameter("w", 1);
    p.value()[0] = 2.0;
    p.grad()[0] = 0.5;
    Sgd sgd = new Sgd(0.1, null, 0.0, false, Clipping.NONE.withWeightDecay(0.2));
    sgd.build(List.of(p));
    sgd.step(List.of(p));
    assertThat(p.value()[0]).isCloseTo(2.0 - 2.0 * 0.2 * 0.1 - 0.1 * 0.5, within(1e-15));
  }
}
