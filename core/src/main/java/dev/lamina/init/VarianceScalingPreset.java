package dev.lamina.init;

import dev.lamina.random.Rng;
import java.util.Objects;

/**
 * A named {@link VarianceScaling} with fixed scale, mode and distribution, as Keras's Glorot, He and
 * LeCun classes are. All the maths is the delegate's; a preset only contributes its name, so the
 * formulas exist once.
 */
public abstract sealed class VarianceScalingPreset implements Initializer
    permits GlorotNormal, GlorotUniform, HeNormal, HeUniform, LecunNormal, LecunUniform, UniformFanIn {
  private final String name;
  private final VarianceScaling varianceScaling;

  VarianceScalingPreset(String name, double scale, VarianceScaling.Mode mode,
      VarianceScaling.Distribution distribution, Long seed) {
    this.name = name;
    this.varianceScaling = new VarianceScaling(scale, mode, distribution, seed);
  }

  /** The equivalent general initializer, for example to export under Keras's class name. */
  public VarianceScaling varianceScaling() {
    return varianceScaling;
  }

  @Override
  public void fill(double[] out, int[] shape, Rng rng) {
    varianceScaling.fill(out, shape, rng);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public double targetStd(Fans fans) {
    return varianceScaling.targetStd(fans);
  }

  @Override
  public Long seed() {
    return varianceScaling.seed();
  }

  @Override
  public boolean equals(Object o) {
    return o != null && o.getClass() == getClass()
        && Objects.equals(seed(), ((VarianceScalingPreset) o).seed());
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, seed());
  }

  @Override
  public String toString() {
    return seed() == null ? name : name + "[seed=" + seed() + "]";
  }
}
