package dev.lamina.train;

import dev.lamina.spec.SpecException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Keras's {@code fit(class_weight=...)}: a weight per class that multiplies each training row's
 * loss, so a rare class counts as much as a common one.
 *
 * <p>Either an explicit map {@code {0: 1.0, 1: 3.9}} (a class not in the map keeps weight 1, as
 * Keras's {@code class_weight.get(c, 1.0)}), or {@link #BALANCED}: scikit-learn's
 * {@code compute_class_weight("balanced")}, {@code w_c = n_samples / (n_classes * count_c)} over
 * the training rows (the classes present in them), which Keras users compute by hand and pass in.
 *
 * <p>A row's class is its rounded label for a single target column and the arg-max for one-hot
 * targets, as Keras's {@code class_weight_to_sample_weights}. The class weight multiplies the
 * row's own sample weight (tf.keras 2 does this; Keras 3 refuses the combination with an error).
 * Class weights apply to the training rows only, never to validation or test rows (Keras adapts
 * validation data without them).
 *
 * @param balanced whether the weights are computed from the class counts
 * @param weights the explicit weights by class index (empty when balanced)
 */
public record ClassWeight(boolean balanced, Map<Integer, Double> weights) {
  /** {@code class_weight: balanced}. */
  public static final ClassWeight BALANCED = new ClassWeight(true, Map.of());
  /** The YAML word for {@link #BALANCED}. */
  public static final String BALANCED_NAME = "balanced";
  /** Weight of a class the map does not list (Keras's default). */
  public static final double UNLISTED_WEIGHT = 1.0;

  /** Validates. */
  public ClassWeight {
    weights = weights == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(weights));
    if (balanced && !weights.isEmpty()) {
      throw new SpecException("class_weight", "class_weight is either balanced or a map, not both");
    }
    for (Map.Entry<Integer, Double> e : weights.entrySet()) {
      if (e.getKey() == null || e.getKey() < 0) {
        throw new SpecException("class_weight", "class_weight keys are class indices >= 0, got " + e.getKey());
      }
      double w = e.getValue() == null ? Double.NaN : e.getValue();
      if (!(w >= 0 && Double.isFinite(w))) {
        throw new SpecException("class_weight." + e.getKey(), "a class weight must be a finite number >= 0, got "
            + e.getValue() + " for class " + e.getKey());
      }
    }
  }

  /** Explicit weights by class index. */
  public static ClassWeight of(Map<Integer, Double> weights) {
    return new ClassWeight(false, weights);
  }

  /**
   * The weight of every class index seen in {@code data} (index = class), resolving
   * {@link #BALANCED} on these rows. Classes without rows get {@link #UNLISTED_WEIGHT}.
   */
  public double[] perClass(Dataset data) {
    int[] classes = classes(data);
    int max = 0;
    for (int c : classes) {
      max = Math.max(max, c);
    }
    for (int k : weights.keySet()) {
      max = Math.max(max, k);
    }
    double[] w = new double[max + 1];
    java.util.Arrays.fill(w, UNLISTED_WEIGHT);
    if (balanced) {
      long[] count = new long[max + 1];
      for (int c : classes) {
        count[c]++;
      }
      int present = 0;
      for (long n : count) {
        present += n > 0 ? 1 : 0;
      }
      for (int c = 0; c <= max; c++) {
        if (count[c] > 0) {
          w[c] = (double) classes.length / ((double) present * count[c]);
        }
      }
    } else {
      weights.forEach((c, v) -> w[c] = v);
    }
    return w;
  }

  /**
   * Per-row weights for {@code data}: its sample weights (1 when it has none) times its class's
   * weight.
   */
  public double[] rowWeights(Dataset data) {
    double[] perClass = perClass(data);
    int[] classes = classes(data);
    double[] out = new double[data.rows()];
    for (int r = 0; r < out.length; r++) {
      double sw = data.weights() == null ? 1.0 : data.weights()[r];
      out[r] = sw * perClass[classes[r]];
    }
    return out;
  }

  /** The class index of each row: the rounded label, or the arg-max of a one-hot row. */
  static int[] classes(Dataset data) {
    int[] c = new int[data.rows()];
    int tc = data.targetCols();
    double[] y = data.y();
    for (int r = 0; r < c.length; r++) {
      if (tc == 1) {
        long k = Math.round(y[r]);
        if (k < 0 || k > Integer.MAX_VALUE - 1) {
          throw new SpecException("fit.class_weight", "class_weight needs class labels 0, 1, 2, ..., but row " + r
              + " has the label " + y[r] + ". Remove class_weight for regression targets");
        }
        c[r] = (int) k;
      } else {
        int best = 0;
        for (int j = 1; j < tc; j++) {
          if (y[r * tc + j] > y[r * tc + best]) {
            best = j;
          }
        }
        c[r] = best;
      }
    }
    return c;
  }
}
