package dev.lamina.task;

import dev.lamina.spec.Names;
import dev.lamina.spec.SpecException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The decision thresholds of a classifier's sigmoid outputs, in one place: a binary model's one
 * threshold, or a multi-label model's threshold per label. Output {@code j} is decided 1 when its
 * probability is strictly greater than its threshold (Keras's {@code predict(x) > 0.5}; a NaN
 * probability is 0), see {@link #decide}.
 *
 * <p>Written as {@code predict: {threshold: 0.4}} (one threshold for every label; default
 * {@value #DEFAULT_VALUE}) or {@code predict: {threshold: {Weight: 0.4, Waist: 0.6}}} (by label
 * name; a label not named keeps {@link #fallback()}, the default {@value #DEFAULT_VALUE}). scikit-learn
 * has no per-label threshold in its estimators; this is the {@code (proba > t).astype(int)} of its
 * multi-label examples with one {@code t} per column. Multi-class and regression models have no
 * threshold. Immutable; every value in (0, 1).
 */
public final class Thresholds implements java.io.Serializable {
  private static final long serialVersionUID = 1L;
  /** Keras's and the article's threshold: a probability above one half is class 1. */
  public static final double DEFAULT_VALUE = 0.5;
  /** {@value #DEFAULT_VALUE} for every output. */
  public static final Thresholds DEFAULT = new Thresholds(DEFAULT_VALUE, Map.of());
  /** The spec key, and the path of every message about a threshold ({@code threshold.Weight}). */
  public static final String KEY = "threshold";

  private final double fallback;
  private final Map<String, Double> named;

  private Thresholds(double fallback, Map<String, Double> named) {
    check(fallback, KEY);
    Map<String, Double> m = new LinkedHashMap<>();
    for (Map.Entry<String, Double> e : named.entrySet()) {
      if (e.getKey() == null || e.getKey().isBlank()) {
        throw new SpecException(KEY, "a per-label threshold needs a label name, got '" + e.getKey() + "'");
      }
      check(e.getValue() == null ? Double.NaN : e.getValue(), KEY + "." + e.getKey());
      m.put(e.getKey(), e.getValue());
    }
    this.fallback = fallback;
    this.named = Collections.unmodifiableMap(m);
  }

  /** One threshold for every output (a binary model's one threshold). */
  public static Thresholds of(double threshold) {
    return new Thresholds(threshold, Map.of());
  }

  /**
   * One threshold per label name, in the order given; a label not named keeps {@link #DEFAULT_VALUE}.
   *
   * @throws SpecException at {@code threshold.<label>} for a value outside (0, 1)
   */
  public static Thresholds of(Map<String, Double> byLabel) {
    return new Thresholds(DEFAULT_VALUE, byLabel);
  }

  /** {@link #of(Map)} with another threshold for the labels not named. */
  public static Thresholds of(double fallback, Map<String, Double> byLabel) {
    return new Thresholds(fallback, byLabel);
  }

  private static void check(double t, String path) {
    if (!(t > 0 && t < 1)) {
      throw new SpecException(path, "a threshold must be in (0, 1), got " + t
          + " (a probability strictly greater than it is decided 1)");
    }
  }

  /** The threshold of every output not named: the one threshold of a binary model. */
  public double fallback() {
    return fallback;
  }

  /** The thresholds given by label name, in order; empty when one threshold serves every output. */
  public Map<String, Double> named() {
    return named;
  }

  /** Whether one threshold serves every output ({@link #named()} is empty). */
  public boolean single() {
    return named.isEmpty();
  }

  /** The threshold of the output named {@code label}. */
  public double of(String label) {
    return named.getOrDefault(label, fallback);
  }

  /**
   * One threshold per output of {@code task}, in output order: the binary model's one threshold, or
   * each label's (its own, else {@link #fallback()}); empty for multi-class and regression models,
   * which have no threshold.
   */
  public double[] forOutputs(Task task) {
    if (!(task instanceof Binary || task instanceof MultiLabel)) {
      return new double[0];
    }
    List<String> labels = task.targets();
    double[] t = new double[labels.size()];
    for (int j = 0; j < t.length; j++) {
      t[j] = of(labels.get(j));
    }
    return t;
  }

  /**
   * Each label's threshold by name, every label of {@code task} in output order: what
   * {@code metrics.json}, the model file and the server show.
   */
  public Map<String, Double> byLabel(Task task) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (String label : task.targets()) {
      m.put(label, of(label));
    }
    return Collections.unmodifiableMap(m);
  }

  /** Whether output {@code j}'s probability {@code p} is decided 1 under thresholds {@code t} (of {@link #forOutputs}). */
  public static boolean decide(double p, double[] t, int j) {
    return p > t[j];
  }

  /**
   * These thresholds with {@code override} on top: a single threshold replaces every one (as
   * {@code predict --threshold 0.3}), named ones replace those labels' and keep the others.
   */
  public Thresholds overriddenBy(Thresholds override) {
    if (override.single()) {
      return override;
    }
    Map<String, Double> m = new LinkedHashMap<>(named);
    m.putAll(override.named);
    return new Thresholds(fallback, m);
  }

  /**
   * Checks that these thresholds fit {@code task}: named ones only on a multi-label model, and only
   * for its labels.
   *
   * @throws SpecException at {@code threshold} (a per-label threshold on another task) or
   *     {@code threshold.<name>} (a name that is not a label, with the closest labels)
   */
  public void check(Task task) {
    if (single()) {
      return;
    }
    if (!(task instanceof MultiLabel)) {
      String first = named.keySet().iterator().next();
      throw new SpecException(KEY, "a threshold per label (" + first + ": " + format(named.get(first)) + ") is for a"
          + " multi-label model (several 0/1 targets under binary_crossentropy), but this model is a " + task.describe()
          + (task instanceof Binary
              ? "; give one number, e.g. threshold: " + format(named.get(first))
                  + ", or choose it on the validation rows with threshold: {recall: 0.7}."
                  + Names.didYouMean(first, List.of("recall"))
              : task instanceof MultiClass ? ", which predicts the most probable class; remove threshold"
              : ", which has no threshold; remove it"));
    }
    for (String name : named.keySet()) {
      if (!task.targets().contains(name)) {
        throw new SpecException(KEY + "." + name, "'" + name + "' is not a label of this model; the labels are "
            + String.join(", ", task.targets()) + " (the target columns, as data.target names them)."
            + Names.didYouMean(name, task.targets()));
      }
    }
  }

  /**
   * Reads the command-line form: {@code 0.3} (every output) or {@code Weight=0.4,Waist=0.6} (by
   * label name; spaces around names and numbers are ignored).
   *
   * @throws SpecException at {@code threshold} for text of neither form, or a value outside (0, 1)
   */
  public static Thresholds parse(String text) {
    String s = text == null ? "" : text.strip();
    if (!s.contains("=")) {
      return of(number(s, KEY));
    }
    Map<String, Double> m = new LinkedHashMap<>();
    for (String part : s.split(",", -1)) {
      int eq = part.indexOf('=');
      String name = eq < 0 ? part.strip() : part.substring(0, eq).strip();
      if (eq < 0 || name.isEmpty()) {
        throw new SpecException(KEY, "expected a number in (0, 1) or LABEL=T pairs such as Weight=0.4,Waist=0.6, got '"
            + text + "'");
      }
      if (m.put(name, number(part.substring(eq + 1).strip(), KEY + "." + name)) != null) {
        throw new SpecException(KEY + "." + name, "label '" + name + "' is given twice; give each label once");
      }
    }
    return of(m);
  }

  private static double number(String s, String path) {
    double t;
    try {
      t = Double.parseDouble(s);
    } catch (NumberFormatException e) {
      throw new SpecException(path, "expected a number in (0, 1) or LABEL=T pairs such as Weight=0.4,Waist=0.6, got '"
          + s + "'");
    }
    check(t, path);
    return t;
  }

  private static String format(double v) {
    return String.format(Locale.ROOT, "%s", v);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Thresholds t && Double.compare(t.fallback, fallback) == 0 && t.named.equals(named);
  }

  @Override
  public int hashCode() {
    return Double.hashCode(fallback) * 31 + named.hashCode();
  }

  /** {@code 0.5}, or {@code {Weight: 0.4, Waist: 0.6}} (and {@code , others: 0.3} when the fallback is not the default). */
  @Override
  public String toString() {
    if (single()) {
      return format(fallback);
    }
    List<String> parts = new ArrayList<>();
    named.forEach((k, v) -> parts.add(k + ": " + format(v)));
    if (fallback != DEFAULT_VALUE) {
      parts.add("others: " + format(fallback));
    }
    return "{" + String.join(", ", parts) + "}";
  }
}
