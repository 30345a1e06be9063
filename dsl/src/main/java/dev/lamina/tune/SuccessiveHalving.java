package dev.lamina.tune;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The scheduler of {@link Strategy#SUCCESSIVE_HALVING}: when to stop a trial, apart from what to
 * try (Optuna's {@code SuccessiveHalvingPruner} is the same rule over reported values).
 *
 * <p>Rung budgets in epochs start at {@code minEpochs} and grow by {@code eta} until the last rung,
 * which trains the spec's full {@code fit.epochs}. All trials train on rung 0; after each rung the
 * best {@code max(1, floor(n / eta))} by the objective (ties: the lower trial number) are promoted
 * and retrained from scratch with the next budget, the others are stopped early. Retraining from
 * scratch keeps every training a pure function of (setting, seed, budget), so results do not depend
 * on the engine or the thread count and a promoted trial is exactly what {@code best.yaml} trains.
 *
 * @param eta the reduction factor, at least 2 (default {@value #DEFAULT_ETA}: "the best third")
 * @param minEpochs the budget of rung 0, at least 1
 * @param maxEpochs the budget of the last rung ({@code fit.epochs})
 */
public record SuccessiveHalving(int eta, int minEpochs, int maxEpochs) implements Serializable {
  /** Keep the best third at each rung (Hyperband's default {@code eta}). */
  public static final int DEFAULT_ETA = 3;
  /** Rungs when {@code min_epochs} is not given: {@code max / eta^2}, {@code max / eta}, {@code max}. */
  public static final int DEFAULT_RUNGS = 3;

  /** The default rung-0 budget for {@code maxEpochs}: {@code ceil(max / eta^(rungs - 1))}. */
  public static int defaultMinEpochs(int maxEpochs, int eta) {
    return (int) Math.max(1, Math.ceil(maxEpochs / Math.pow(eta, DEFAULT_RUNGS - 1)));
  }

  /** The epochs of each rung, increasing, the last one {@code maxEpochs}. */
  public List<Integer> budgets() {
    List<Integer> out = new ArrayList<>();
    long r = minEpochs;
    while (r < maxEpochs) {
      out.add((int) r);
      r *= eta;
    }
    out.add(maxEpochs);
    return out;
  }

  /** How many of {@code n} trials of a rung go on to the next. */
  public int promoted(int n) {
    return Math.max(1, n / eta);
  }
}
