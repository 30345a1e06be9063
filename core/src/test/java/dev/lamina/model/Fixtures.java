package dev.lamina.model;

import dev.lamina.random.Rng;
import dev.lamina.spec.CompileSpec;
import dev.lamina.spec.ComponentSpec;
import dev.lamina.spec.DenseSpec;
import dev.lamina.spec.LayerSpec;
import dev.lamina.spec.ModelSpec;
import java.util.ArrayList;
import java.util.List;

/** Shared small specs and synthetic data for the model tests. */
final class Fixtures {
  private Fixtures() {}

  static DenseSpec dense(int units, String activation, String init) {
    return new DenseSpec(units, ComponentSpec.of(activation), true, ComponentSpec.of(init), null, null, null, null, null);
  }

  static DenseSpec dense(int units, String activation, String init, int inputDim) {
    return dense(units, activation, init).withInputDim(inputDim);
  }

  /** The article's churn network: 11-6-6-1, relu, relu, sigmoid, adam, binary cross-entropy, accuracy. */
  static ModelSpec churn(String hiddenInit, long seed) {
    return new ModelSpec("churn", seed, List.of(
        dense(6, "relu", hiddenInit, 11), dense(6, "relu", hiddenInit), dense(1, "sigmoid", "glorot_uniform")),
        new CompileSpec(ComponentSpec.of("adam"), ComponentSpec.of("binary_crossentropy"), List.of(ComponentSpec.of("accuracy"))));
  }

  /** A deep stack of equal-width Dense layers with a single sigmoid output. */
  static ModelSpec deep(int depth, int width, String activation, String init, long seed) {
    List<LayerSpec> layers = new ArrayList<>();
    for (int i = 0; i < depth - 1; i++) {
      DenseSpec d = dense(width, activation, init);
      layers.add(i == 0 ? d.withInputDim(width) : d);
    }
    layers.add(dense(1, "sigmoid", init));
    return new ModelSpec("deep", seed, layers,
        new CompileSpec(ComponentSpec.of("sgd"), ComponentSpec.of("binary_crossentropy"), List.of()));
  }

  /** A learnable binary problem: label = 1 when a fixed linear score plus noise is positive. */
  static double[][] features(int rows, int cols, long seed) {
    Rng rng = new Rng(seed);
    double[][] x = new double[rows][cols];
    for (double[] r : x) {
      for (int c = 0; c < cols; c++) {
        r[c] = rng.nextGaussian();
      }
    }
    return x;
  }

  static double[] labels(double[][] x, long seed) {
    Rng rng = new Rng(seed + 1);
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      double s = 0;
      for (int c = 0; c < x[i].length; c++) {
        s += (c % 2 == 0 ? 1 : -0.5) * x[i][c];
      }
      y[i] = s + 0.3 * rng.nextGaussian() > 0 ? 1 : 0;
    }
    return y;
  }
}
