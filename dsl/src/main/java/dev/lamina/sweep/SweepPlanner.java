package dev.lamina.sweep;

import dev.lamina.random.Rng;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a {@link SweepSpec} into its runs: the Cartesian product of the axes in the order written
 * (the first axis varies slowest), each cell repeated {@code seeds} times.
 *
 * <p>Seeds: repeat {@code r} of every cell gets {@code Rng.derive(baseSeed, "sweep/repeat/" + r)}.
 * Cells share seeds on purpose (common random numbers): two initializers compared on repeat r see
 * the same shuffling order and dropout masks, so their difference is the initializer's, and the
 * result does not depend on how many cells the grid has.
 */
public final class SweepPlanner {
  private SweepPlanner() {}

  /** The runs, in the order every output lists them. */
  public static List<SweepRun> plan(SweepSpec spec, long baseSeed) {
    List<SweepRun> runs = new ArrayList<>();
    int cells = spec.cells();
    for (int c = 0; c < cells; c++) {
      List<String> values = new ArrayList<>();
      int rest = c;
      int[] idx = new int[spec.axes().size()];
      for (int a = spec.axes().size() - 1; a >= 0; a--) {
        int n = spec.axes().get(a).values().size();
        idx[a] = rest % n;
        rest /= n;
      }
      for (int a = 0; a < idx.length; a++) {
        values.add(spec.axes().get(a).values().get(idx[a]));
      }
      for (int r = 0; r < spec.seeds(); r++) {
        runs.add(new SweepRun(runs.size(), c, values, r, seedOf(baseSeed, r)));
      }
    }
    return runs;
  }

  /** The model seed of repeat {@code r}. */
  public static long seedOf(long baseSeed, int repeat) {
    return Rng.derive(baseSeed, "sweep/repeat/" + repeat);
  }
}
