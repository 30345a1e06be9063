package dev.lamina.layer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.activation.Relu;
import dev.lamina.init.Initializers;
import dev.lamina.random.Rng;
import org.junit.jupiter.api.Test;

/** Dense's inlined loop for the default relu gives exactly what {@link Relu}'s own methods give. */
class DenseReluPathTest {
  @Test
  void inlinedReluMatchesTheActivationBitForBit() {
    Relu relu = new Relu();
    int rows = 9;
    int in = 7;
    int units = 20;
    Dense dense = new Dense("dense", in, units, relu, Initializers.create("he_uniform"),
        Initializers.create("random_normal"), null, null);
    dense.initialize(3);
    dense.allocate(rows);
    Rng rng = new Rng(4);
    double[] x = new double[rows * in];
    double[] dOut = new double[rows * units];
    for (int i = 0; i < x.length; i++) {
      x[i] = rng.nextGaussian();
    }
    for (int i = 0; i < dOut.length; i++) {
      dOut[i] = rng.nextGaussian();
    }
    double[] out = dense.forward(x, rows, true).clone();
    double[] z = dense.preActivation();
    dense.backward(dOut, rows, true);
    double[] dz = dense.preActivationGradient();
    int negatives = 0;
    for (int i = 0; i < rows * units; i++) {
      negatives += z[i] < 0 ? 1 : 0;
      assertThat(out[i]).as("output %d", i).isEqualTo(relu.apply(z[i]));
      assertThat(dz[i]).as("dz %d", i).isEqualTo(dOut[i] * relu.derivative(z[i], out[i]));
    }
    assertThat(negatives).as("both branches exercised").isBetween(1, rows * units - 1);
  }
}
