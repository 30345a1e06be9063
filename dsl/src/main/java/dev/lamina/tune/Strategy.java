package dev.lamina.tune;

import dev.lamina.spec.Names;
import dev.lamina.spec.SpecException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How a search picks its trials and budgets. The sampler (what to try) is apart from the
 * scheduler (how long each trial trains), as Optuna keeps samplers apart from pruners:
 * {@link #GRID} and {@link #RANDOM} train every trial for the spec's full {@code fit.epochs};
 * {@link #SUCCESSIVE_HALVING} samples like {@code RANDOM} and trains them through
 * {@link SuccessiveHalving}'s rungs. The default is {@link #SUCCESSIVE_HALVING}: for the same
 * number of trials it costs about a third of a random search's epochs (see docs/BENCHMARKS.md).
 */
public enum Strategy {
  /** Every combination of the listed values (scikit-learn's {@code GridSearchCV}, the sweep's grid). */
  GRID,
  /** {@code trials} settings drawn independently (KerasTuner's {@code RandomSearch}). */
  RANDOM,
  /**
   * {@code trials} random settings trained on a small epoch budget, the best third promoted to a
   * budget three times larger, until the full {@code fit.epochs} (Jamieson and Talwalkar 2016; one
   * bracket of Hyperband; scikit-learn's {@code HalvingRandomSearchCV}).
   */
  SUCCESSIVE_HALVING;

  /** The strategy when {@code tune.strategy} is not given. */
  public static final Strategy DEFAULT = SUCCESSIVE_HALVING;

  /** The name as written in a spec. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Reads a name; errors carry {@code where}. */
  public static Strategy of(Object name, String where) {
    List<String> names = Arrays.stream(values()).map(Strategy::label).toList();
    String s = name == null ? "" : Names.canonical(String.valueOf(name));
    for (Strategy st : values()) {
      if (st.label().equals(s)) {
        return st;
      }
    }
    throw new SpecException(where, "unknown strategy '" + name + "'." + Names.didYouMean(String.valueOf(name), names)
        + " Known: " + String.join(", ", names) + " (default " + DEFAULT.label() + ")");
  }
}
