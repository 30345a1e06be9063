package dev.lamina.sweep;

import java.util.List;

/**
 * One group of a sweep (one activation): its cells and the winner.
 *
 * <p>Cells are ranked by the number of runs that did not end OK (fewer first: a diverged run is
 * worse than any finite loss), then by mean metric. The winner is compared with the runner-up by
 * Welch's two-sided t-test (unequal variances) and the two-sided Mann-Whitney U test (commons-math3),
 * both on the OK runs' metric; NaN when either has fewer than two OK runs or no spread.
 *
 * @param name the activation, or "all" when activation is not swept
 * @param cells the cells in plan order
 * @param ranking the cells best first
 * @param welchP p-value of Welch's t-test winner vs runner-up
 * @param mannWhitneyP p-value of the Mann-Whitney U test winner vs runner-up
 */
public record GroupStats(String name, List<CellStats> cells, List<CellStats> ranking, double welchP, double mannWhitneyP) {
  /** The best cell. */
  public CellStats winner() {
    return ranking.get(0);
  }

  /** The second best, or null with a single cell. */
  public CellStats runnerUp() {
    return ranking.size() > 1 ? ranking.get(1) : null;
  }
}
