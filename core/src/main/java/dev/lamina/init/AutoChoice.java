package dev.lamina.init;

import dev.lamina.random.Rng;

/**
 * The initializer {@code kernel_initializer: auto} resolved to for one layer: behaves exactly as
 * {@link #chosen()} and only remembers where it came from, so the summary can print
 * {@code he_uniform (auto)}.
 *
 * @param chosen the initializer picked by {@link AutoInitializer#resolveFor}
 */
public record AutoChoice(Initializer chosen) implements Initializer {
  @Override
  public void fill(double[] out, int[] shape, Rng rng) {
    chosen.fill(out, shape, rng);
  }

  /** The chosen initializer's name, for example {@code he_uniform}. */
  @Override
  public String name() {
    return chosen.name();
  }

  @Override
  public double targetStd(Fans fans) {
    return chosen.targetStd(fans);
  }

  @Override
  public Long seed() {
    return chosen.seed();
  }
}
