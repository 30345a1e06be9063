package dev.lamina.tune;

import dev.lamina.random.Rng;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a search tries: the settings of its trials, one value per parameter, decided before any
 * training (so every one is checked up front and the plan does not depend on results).
 *
 * <p>A grid is the Cartesian product in the order written, the first parameter varying slowest
 * (as the sweep's grid). Random settings: trial {@code i} draws each parameter in order from
 * {@code Rng.forPath(seed, "tune/trial/i")}, so trial i's setting does not depend on how many
 * trials there are. When every parameter is a finite list and the grid has at least as many
 * points as trials, a setting already drawn is redrawn (from {@code "tune/trial/i/retry/k"}), so no
 * two trials are the same.
 */
public final class Sampler {
  /** Redraws of a repeated setting before giving up and keeping it. */
  static final int MAX_REDRAWS = 1000;

  private Sampler() {}

  /** The settings of every trial, in trial order. */
  public static List<List<Object>> plan(TuneSpec spec, long seed) {
    return spec.strategy() == Strategy.GRID ? grid(spec.space()) : random(spec.space(), spec.trials(), seed);
  }

  static List<List<Object>> grid(SearchSpace space) {
    List<List<Object>> out = new ArrayList<>();
    long n = space.gridSize();
    List<Parameter> ps = space.parameters();
    for (long c = 0; c < n; c++) {
      Object[] values = new Object[ps.size()];
      long rest = c;
      for (int p = ps.size() - 1; p >= 0; p--) {
        List<Object> g = ps.get(p).domain().grid();
        values[p] = g.get((int) (rest % g.size()));
        rest /= g.size();
      }
      out.add(java.util.Arrays.asList(values));
    }
    return out;
  }

  static List<List<Object>> random(SearchSpace space, int trials, long seed) {
    long size = space.gridSize();
    boolean distinct = size >= trials;
    Set<List<Object>> seen = new HashSet<>();
    List<List<Object>> out = new ArrayList<>();
    for (int i = 0; i < trials; i++) {
      List<Object> s = draw(space, Rng.forPath(seed, "tune/trial/" + i));
      for (int k = 0; distinct && seen.contains(s) && k < MAX_REDRAWS; k++) {
        s = draw(space, Rng.forPath(seed, "tune/trial/" + i + "/retry/" + k));
      }
      seen.add(s);
      out.add(s);
    }
    return out;
  }

  private static List<Object> draw(SearchSpace space, Rng rng) {
    List<Object> values = new ArrayList<>();
    for (Parameter p : space.parameters()) {
      values.add(p.domain().sample(rng));
    }
    return values;
  }
}
