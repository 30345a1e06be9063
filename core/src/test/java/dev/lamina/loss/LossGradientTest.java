package dev.lamina.loss;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.random.Rng;
import dev.lamina.spec.ComponentSpec;
import dev.lamina.testing.GradientCheck;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every registered loss (read from the registry, so a new one cannot skip this) and configured
 * variants (from_logits, label_smoothing, delta), with and without sample weights, over several
 * batch shapes: the gradient written by {@code compute} (and by {@code computeFromLogits} for the
 * cross-entropies) must equal the central-difference gradient of the returned loss.
 *
 * <p>What the inputs look like is read off the loss itself: a loss that rejects the label 0.5
 * takes class indices, one rejecting 2 takes one-hot (or 0/1) labels, the rest are regressions.
 * Regression errors keep 0.01 away from multiples of 0.1, where the kinks of mae (0) and huber
 * (the deltas below) lie.
 */
class LossGradientTest {
  private static final long SEED = 7_2024L;
  private static final int[][] SHAPES = {{1, 1}, {4, 1}, {3, 3}, {5, 4}};
  private static final int PADDING = 2;
  private static final double SENTINEL = -777.0;
  /**
   * Smaller than the default step: the logarithms' fifth derivatives grow as 1/p^5, so at
   * p = 0.05 the fourth-order stencil's truncation error with h = 1e-3 reaches 1e-9, too much for a
   * gradient entry of 1e-3; at 1e-4 truncation is 1e4 times smaller and rounding still only 1e-12.
   */
  private static final double STEP = 1e-4;

  static Stream<ComponentSpec> specs() {
    Stream<ComponentSpec> defaults = Losses.REGISTRY.names().stream().map(ComponentSpec::of);
    Stream<ComponentSpec> variants = Stream.of(
        ComponentSpec.of("binary_crossentropy", "from_logits", true),
        ComponentSpec.of("binary_crossentropy", "label_smoothing", 0.1),
        ComponentSpec.of("binary_crossentropy", "from_logits", true, "label_smoothing", 0.2),
        ComponentSpec.of("categorical_crossentropy", "from_logits", true),
        ComponentSpec.of("categorical_crossentropy", "label_smoothing", 0.2),
        ComponentSpec.of("categorical_crossentropy", "from_logits", true, "label_smoothing", 0.1),
        ComponentSpec.of("sparse_categorical_crossentropy", "from_logits", true),
        ComponentSpec.of("huber", "delta", 0.3),
        ComponentSpec.of("huber", "delta", 2.5));
    return Stream.concat(defaults, variants);
  }

  static Stream<Arguments> cases() {
    List<Arguments> all = new ArrayList<>();
    specs().forEach(spec -> {
      all.add(Arguments.of(spec, false));
      all.add(Arguments.of(spec, true));
    });
    return all.stream();
  }

  /** One batch: inputs padded past rows * cols with NaN, to prove only the batch is read. */
  record Batch(double[] pred, double[] target, double[] weights, int rows, int cols) {}

  static Batch batch(Loss loss, boolean logits, boolean weighted, int rows, int cols, Rng rng) {
    int n = rows * cols;
    boolean sparse = loss.checkTarget(0.5, Math.max(cols, 2)) != null;
    boolean labels = !sparse && loss.checkTarget(2, cols) != null;
    double[] target;
    double[] pred;
    if (sparse) {
      target = new double[rows];
      for (int r = 0; r < rows; r++) {
        target[r] = rng.nextInt(cols);
      }
    } else if (labels) {
      target = new double[n];
      for (int r = 0; r < rows; r++) {
        if (cols == 1) {
          target[r] = rng.nextInt(2);
        } else {
          target[r * cols + rng.nextInt(cols)] = 1;
        }
      }
    } else {
      target = GradientCheck.uniform(rng, n, -2, 2);
    }
    if (logits) {
      pred = GradientCheck.uniform(rng, n, -3, 3);
    } else if (sparse || labels) {
      pred = GradientCheck.uniform(rng, n, 0.05, 0.95);
    } else {
      pred = GradientCheck.uniformAwayFromGrid(rng, n, -3, 3, 0.1, 0.01);
      for (int i = 0; i < n; i++) {
        pred[i] += target[i];
      }
    }
    for (double y : target) {
      assertThat(loss.checkTarget(y, cols)).as("generated target %s", y).isNull();
    }
    double[] weights = null;
    if (weighted) {
      weights = GradientCheck.uniform(rng, rows, 0, 2);
      weights[0] = rows > 1 ? 0 : weights[0];
      weights = padded(weights);
    }
    return new Batch(padded(pred), padded(target), weights, rows, cols);
  }

  private static double[] padded(double[] a) {
    double[] p = Arrays.copyOf(a, a.length + PADDING);
    Arrays.fill(p, a.length, p.length, Double.NaN);
    return p;
  }

  @ParameterizedTest(name = "{0} weighted={1}")
  @MethodSource("cases")
  void computeGradientMatchesCentralDifferences(ComponentSpec spec, boolean weighted) {
    Loss loss = Losses.create(spec, "loss");
    boolean logits = loss instanceof FusedLogitsLoss f && f.fromLogits();
    Rng rng = Rng.forPath(SEED, spec + "/" + weighted);
    for (int[] shape : SHAPES) {
      Batch b = batch(loss, logits, weighted, shape[0], shape[1], rng);
      checkGradient(spec + " " + shape[0] + "x" + shape[1], b, b.pred(),
          (p, g) -> loss.compute(p, b.target(), b.weights(), g, b.rows(), b.cols()));
    }
  }

  static Stream<Arguments> fusedCases() {
    return cases().filter(a -> Losses.create((ComponentSpec) a.get()[0], "") instanceof FusedLogitsLoss);
  }

  @ParameterizedTest(name = "{0} weighted={1}")
  @MethodSource("fusedCases")
  void fusedLogitsGradientMatchesCentralDifferences(ComponentSpec spec, boolean weighted) {
    FusedLogitsLoss loss = (FusedLogitsLoss) Losses.create(spec, "loss");
    Rng rng = Rng.forPath(SEED, "fused/" + spec + "/" + weighted);
    for (int[] shape : SHAPES) {
      Batch b = batch(loss, true, weighted, shape[0], shape[1], rng);
      checkGradient(spec + " logits " + shape[0] + "x" + shape[1], b, b.pred(),
          (z, g) -> loss.computeFromLogits(z, b.target(), b.weights(), g, b.rows(), b.cols()));
    }
  }

  @FunctionalInterface
  interface LossWithGradient {
    double compute(double[] input, double[] grad);
  }

  private static void checkGradient(String what, Batch b, double[] input, LossWithGradient f) {
    int n = b.rows() * b.cols();
    double[] grad = new double[n + PADDING];
    Arrays.fill(grad, SENTINEL);
    double withGrad = f.compute(input, grad);
    double withoutGrad = f.compute(input, null);
    assertThat(withGrad).as("%s: value with and without a gradient buffer", what).isEqualTo(withoutGrad);
    assertThat(Double.isFinite(withGrad)).as("%s: finite loss %s", what, withGrad).isTrue();
    double[] numeric = GradientCheck.numericGradient(x -> f.compute(x, null), input, n, STEP);
    GradientCheck.assertMatches(grad, numeric, GradientCheck.DEFAULT_TOLERANCE, what);
    assertThat(Arrays.copyOfRange(grad, n, n + PADDING)).as("%s: padding untouched", what).containsOnly(SENTINEL);
  }
}
