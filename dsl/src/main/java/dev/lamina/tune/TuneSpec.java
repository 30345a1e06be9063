package dev.lamina.tune;

import dev.lamina.spec.Names;
import dev.lamina.spec.SpecException;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * The {@code tune:} section of a spec, validated.
 *
 * <pre>
 * tune:
 *   strategy: successive_halving      # or grid, random (default successive_halving)
 *   trials: 60                        # settings tried (grid: every combination, trials not allowed)
 *   metric: val_loss                  # ranked on held-out rows, never the test rows (default val_loss)
 *   seeds: 1                          # trainings per trial and budget, each with its own seed
 *   reduction_factor: 3               # successive halving: keep the best 1/3 at each rung
 *   min_epochs: 12                    # successive halving: rung 0's budget (default fit.epochs / 9)
 *   space:
 *     layers[0].units: [4, 8, 16, 32]
 *     compile.optimizer.learning_rate: {log_uniform: [0.0003, 0.03]}
 * </pre>
 *
 * @param strategy how trials and budgets are chosen
 * @param trials the number of settings tried (for a grid, the grid's size)
 * @param space the settings varied
 * @param objective what ranks the trials
 * @param seeds trainings per trial and budget, at least 1
 * @param eta successive halving's reduction factor
 * @param minEpochs rung 0's budget, or null for {@link SuccessiveHalving#defaultMinEpochs}
 */
public record TuneSpec(Strategy strategy, int trials, SearchSpace space, Objective objective, int seeds, int eta,
    Integer minEpochs) implements Serializable {
  /** Trials of a random search or successive halving when {@code trials} is not given. */
  public static final int DEFAULT_TRIALS = 30;
  /** The keys of the section. */
  public static final List<String> KEYS = List.of("strategy", "trials", "space", "metric", "seeds", "reduction_factor",
      "min_epochs");
  /** The largest grid accepted (a bigger one is almost always a mistake; sample it with random). */
  public static final long MAX_GRID = 100_000;

  /**
   * Reads the raw {@code tune:} map; errors carry {@code tune.<key>}.
   *
   * @throws SpecException for an unknown key, a bad value or an empty space
   */
  public static TuneSpec parse(Map<String, Object> raw) {
    if (raw.isEmpty()) {
      throw new SpecException("tune", "the spec has no tune section: add for example\n"
          + "tune:\n  strategy: successive_halving\n  trials: 30\n  space:\n    layers[0].units: [4, 8, 16]\n"
          + "    compile.optimizer.learning_rate: {log_uniform: [0.0003, 0.03]}");
    }
    for (String key : raw.keySet()) {
      if (!KEYS.contains(key)) {
        throw new SpecException("tune." + key, "unknown key '" + key + "' in tune." + Names.didYouMean(key, KEYS)
            + " Known keys: " + String.join(", ", KEYS));
      }
    }
    Strategy strategy = raw.containsKey("strategy") ? Strategy.of(raw.get("strategy"), "tune.strategy") : Strategy.DEFAULT;
    if (!raw.containsKey("space")) {
      throw new SpecException("tune", "tune needs a space: the settings to vary, e.g. space: {layers[0].units: [4, 8, 16]}");
    }
    SearchSpace space = SearchSpace.parse(raw.get("space"), "tune.space");
    int trials;
    if (strategy == Strategy.GRID) {
      if (raw.containsKey("trials")) {
        throw new SpecException("tune.trials", "a grid trains every combination of the listed values, so it takes no "
            + "trials; remove trials, or use strategy: random to sample that many");
      }
      for (Parameter p : space.parameters()) {
        if (p.domain().size() < 0) {
          throw new SpecException("tune.space." + p.name(), "a grid needs a list of values, but " + p.name() + " is a "
              + p.domain().describe() + " range; list the values, e.g. [0.001, 0.003, 0.01], or use strategy: random");
        }
      }
      long size = space.gridSize();
      if (size > MAX_GRID) {
        throw new SpecException("tune.space", "the grid has " + size + " combinations (more than " + MAX_GRID
            + "); use strategy: random or successive_halving with trials: N to sample it");
      }
      trials = (int) size;
    } else {
      trials = positive(raw, "trials", DEFAULT_TRIALS, 1);
    }
    Object metric = raw.getOrDefault("metric", Objective.DEFAULT_METRIC);
    if (!(metric instanceof String m) || m.isBlank()) {
      throw new SpecException("tune.metric", "metric is a history key measured on held-out rows, e.g. val_loss or "
          + "val_accuracy, got " + metric);
    }
    if (!m.startsWith("val_")) {
      throw new SpecException("tune.metric", "metric '" + m + "' is not measured on held-out rows: rank trials by a val_ "
          + "key such as val_" + m + " (the validation split, or the held-out fold with cross_validation)");
    }
    int seeds = positive(raw, "seeds", 1, 1);
    int eta = positive(raw, "reduction_factor", SuccessiveHalving.DEFAULT_ETA, 2);
    Integer minEpochs = raw.containsKey("min_epochs") ? positive(raw, "min_epochs", 1, 1) : null;
    if (strategy != Strategy.SUCCESSIVE_HALVING) {
      for (String k : List.of("reduction_factor", "min_epochs")) {
        if (raw.containsKey(k)) {
          throw new SpecException("tune." + k, k + " is a setting of strategy: successive_halving, not of "
              + strategy.label() + "; remove it or change the strategy");
        }
      }
    }
    return new TuneSpec(strategy, trials, space, Objective.of(m), seeds, eta, minEpochs);
  }

  private static int positive(Map<String, Object> raw, String key, int fallback, int min) {
    Object v = raw.get(key);
    if (v == null) {
      return fallback;
    }
    if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue()) || n.doubleValue() < min
        || n.doubleValue() > Integer.MAX_VALUE) {
      throw new SpecException("tune." + key, key + " must be a whole number of at least " + min + ", got " + v);
    }
    return n.intValue();
  }

  /** The successive-halving schedule for {@code maxEpochs}, or one rung of {@code maxEpochs}. */
  public SuccessiveHalving schedule(int maxEpochs) {
    if (strategy != Strategy.SUCCESSIVE_HALVING) {
      return new SuccessiveHalving(eta, maxEpochs, maxEpochs);
    }
    int min = minEpochs != null ? minEpochs : SuccessiveHalving.defaultMinEpochs(maxEpochs, eta);
    if (min > maxEpochs) {
      throw new SpecException("tune.min_epochs", "min_epochs " + min + " is more than fit.epochs " + maxEpochs
          + "; rung 0 trains at most the full budget");
    }
    return new SuccessiveHalving(eta, min, maxEpochs);
  }
}
