package dev.lamina.constraint;

import dev.lamina.optim.Constraint;
import dev.lamina.optim.Parameter;
import dev.lamina.spec.Args;
import dev.lamina.spec.ComponentSpec;
import dev.lamina.spec.Registry;
import dev.lamina.spec.SpecException;
import java.util.List;

/**
 * Keras's weight constraints by name ({@code max_norm}/{@code MaxNorm}, {@code min_max_norm},
 * {@code non_neg}, {@code unit_norm}; Keras 2's {@code maxnorm}, {@code nonneg}, {@code unitnorm}),
 * with Keras's defaults. {@code axis} is a whole number or a list of them (default 0: for a Dense
 * kernel, one norm per unit).
 */
public final class Constraints {
  /** The registry. */
  public static final Registry<Constraint> REGISTRY = new Registry<Constraint>("constraint")
      .register(MaxNorm.NAME, "MaxNorm", a -> new MaxNorm(a.getDouble("max_value", MaxNorm.DEFAULT_MAX_VALUE, 0,
          Double.MAX_VALUE), axes(a)), "maxnorm", "max_norm_constraint")
      .register(MinMaxNorm.NAME, "MinMaxNorm", Constraints::minMax, "minmaxnorm")
      .register(NonNeg.NAME, "NonNeg", a -> new NonNeg(), "nonneg")
      .register(UnitNorm.NAME, "UnitNorm", a -> new UnitNorm(axes(a)), "unitnorm");

  private Constraints() {}

  /** Builds the constraint {@code spec} names; errors name {@code path}. */
  public static Constraint create(ComponentSpec spec, String path) {
    return REGISTRY.create(spec, path);
  }

  /** Attaches the constraint {@code spec} describes (none when null) to {@code p}. */
  public static void attach(Parameter p, ComponentSpec spec, String path) {
    p.setConstraint(spec == null ? null : create(spec, path));
  }

  private static Constraint minMax(Args a) {
    double lo = a.getDouble("min_value", MinMaxNorm.DEFAULT_MIN_VALUE, 0, Double.MAX_VALUE);
    double hi = a.getDouble("max_value", MinMaxNorm.DEFAULT_MAX_VALUE, 0, Double.MAX_VALUE);
    double rate = a.getDouble("rate", MinMaxNorm.DEFAULT_RATE, 0, 1);
    if (hi < lo) {
      throw new SpecException(a.pathOf("max_value"), "min_max_norm needs min_value <= max_value, got " + lo
          + " and " + hi);
    }
    return new MinMaxNorm(lo, hi, rate, axes(a));
  }

  private static int[] axes(Args a) {
    Object v = a.raw("axis", "integer or list of integers");
    if (v == null) {
      return new int[] {0};
    }
    if (v instanceof Integer i) {
      return new int[] {i};
    }
    if (v instanceof List<?> list && !list.isEmpty() && list.stream().allMatch(x -> x instanceof Integer)) {
      return list.stream().mapToInt(x -> (Integer) x).toArray();
    }
    throw new SpecException(a.pathOf("axis"), "constraint argument 'axis' must be a whole number or a list of them"
        + " (0: one norm per unit of a Dense kernel), got '" + v + "'");
  }
}
