package dev.lamina.train;

import dev.lamina.spec.Names;
import dev.lamina.spec.SpecException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Keras's {@code fit(class_weight=...)}: a weight per class that multiplies each training row's
 * loss, so a rare class counts as much as a common one.
 *
 * <p>Either an explicit map by class (a class not in the map keeps weight 1, as Keras's
 * {@code class_weight.get(c, 1.0)}), or {@link #BALANCED}: scikit-learn's
 * {@code compute_class_weight("balanced")}, {@code w_c = n_samples / (n_classes * count_c)} over
 * the training rows (the classes present in them), which Keras users compute by hand and pass in.
 *
 * <p>A row's class is its rounded label for a single target column and the arg-max for one-hot
 * targets, as Keras's {@code class_weight_to_sample_weights}. The class weight multiplies the
 * row's own sample weight (tf.keras 2 does this; Keras 3 refuses the combination with an error).
 * Class weights apply to the training rows only, never to validation or test rows (Keras adapts
 * validation data without them).
 *
 * <p>A map names each class as the data does: {@code {setosa: 1.0, virginica: 2.0}} for text
 * classes, {@code {0: 1.0, 1: 3.9}} for numeric ones. The engine numbers classes 0, 1, ...; a
 * front end that knows the class names turns names into those numbers with {@link #resolve}
 * before training ({@link #perClass} reads every key as a class number).
 *
 * @param balanced whether the weights are computed from the class counts
 * @param weights the explicit weights by class name, in the order written (empty when balanced)
 */
public record ClassWeight(boolean balanced, Map<String, Double> weights) {
  /** {@code class_weight: balanced}. */
  public static final ClassWeight BALANCED = new ClassWeight(true, Map.of());
  /** The YAML word for {@link #BALANCED}. */
  public static final String BALANCED_NAME = "balanced";
  /** Weight of a class the map does not list (Keras's default). */
  public static final double UNLISTED_WEIGHT = 1.0;

  /** Validates. */
  public ClassWeight {
    weights = weights == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(weights));
    if (balanced && !weights.isEmpty()) {
      throw new SpecException("class_weight", "class_weight is either balanced or a map, not both");
    }
    for (Map.Entry<String, Double> e : weights.entrySet()) {
      if (e.getKey() == null || e.getKey().isBlank()) {
        throw new SpecException("class_weight", "class_weight names a class by an empty name; write the class as the "
            + "target column holds it");
      }
      double w = e.getValue() == null ? Double.NaN : e.getValue();
      if (!(w >= 0 && Double.isFinite(w))) {
        throw new SpecException("class_weight." + e.getKey(), "a class weight must be a finite number >= 0, got "
            + e.getValue() + " for class " + e.getKey());
      }
    }
  }

  /** Explicit weights by class number (0, 1, ...: the engine's numbering), in increasing order. */
  public static ClassWeight of(Map<Integer, Double> weights) {
    Map<String, Double> named = new LinkedHashMap<>();
    new TreeMap<>(weights).forEach((c, w) -> {
      if (c == null || c < 0) {
        throw new SpecException("class_weight", "class_weight keys are class numbers >= 0, got " + c);
      }
      named.put(Integer.toString(c), w);
    });
    return new ClassWeight(false, named);
  }

  /** Explicit weights by class name, as the data names the classes. */
  public static ClassWeight named(Map<String, Double> weights) {
    return new ClassWeight(false, weights);
  }

  /**
   * These weights with each class name replaced by its number in {@code classes} (the class names
   * in the engine's order). A name matches a class exactly, or as the same number ({@code 1.0}
   * for the class {@code 1}).
   *
   * @param target the target column, for messages
   * @param classes the class names, index order
   * @throws SpecException at {@code fit.class_weight.<name>} for a name that is not a class of
   *     the target, listing the classes (its weight would otherwise be ignored)
   */
  public ClassWeight resolve(String target, List<String> classes) {
    if (balanced) {
      return this;
    }
    Map<String, Double> byNumber = new LinkedHashMap<>();
    for (Map.Entry<String, Double> e : weights.entrySet()) {
      int c = indexOf(e.getKey().strip(), classes);
      if (c < 0) {
        throw unknownClass(e.getKey(), target, classes);
      }
      byNumber.put(Integer.toString(c), e.getValue());
    }
    return new ClassWeight(false, byNumber);
  }

  /** {@code class_weight names the class 'gren', but the target 'color' has the classes ... Did you mean green?} */
  private static SpecException unknownClass(String name, String target, List<String> classes) {
    boolean numericName = number(name) != null;
    boolean numericClasses = classes.stream().allMatch(c -> number(c) != null);
    String hint = !numericName ? Names.didYouMean(name, classes)
        : numericClasses ? "" : " Classes go by their names here, not by number: write {" + classes.get(0) + ": 1.0, ...}";
    return new SpecException("fit.class_weight." + name, "class_weight names the class '" + name + "', but the target '"
        + target + "' has the classes " + String.join(", ", classes) + "; name only those, as the target column writes "
        + "them (a weight for another class would be ignored)." + hint);
  }

  private static int indexOf(String name, List<String> classes) {
    int exact = classes.indexOf(name);
    if (exact >= 0) {
      return exact;
    }
    Double number = number(name);
    for (int i = 0; number != null && i < classes.size(); i++) {
      if (number.equals(number(classes.get(i)))) {
        return i;
      }
    }
    return -1;
  }

  private static Double number(String s) {
    try {
      return Double.parseDouble(s.strip());
    } catch (NumberFormatException e) {
      return null;
    }
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
    Map<Integer, Double> byNumber = byNumber();
    for (int k : byNumber.keySet()) {
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
      byNumber.forEach((c, v) -> w[c] = v);
    }
    return w;
  }

  /** The weights by class number; every key must be one (see {@link #resolve}). */
  private Map<Integer, Double> byNumber() {
    Map<Integer, Double> m = new TreeMap<>();
    for (Map.Entry<String, Double> e : weights.entrySet()) {
      int c;
      try {
        c = Integer.parseInt(e.getKey().strip());
      } catch (NumberFormatException x) {
        c = -1;
      }
      if (c < 0) {
        throw new SpecException("fit.class_weight." + e.getKey(), "class_weight names the class '" + e.getKey()
            + "', but the engine numbers classes 0, 1, ...: give the class names to ClassWeight.resolve first");
      }
      m.put(c, e.getValue());
    }
    return m;
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
