package dev.lamina.optim;

import dev.lamina.spec.SpecException;
import java.util.List;

/**
 * A piecewise-constant learning rate, as Keras's
 * {@code keras.optimizers.schedules.PiecewiseConstantDecay} (name
 * {@code piecewise_constant_decay}):
 * <pre>{@code
 * lr(step) = values[0]   when step <= boundaries[0]
 *            values[i]   when boundaries[i-1] < step <= boundaries[i]
 *            values[n]   when step > boundaries[n-1]
 * }</pre>
 * Both lists are required; {@code values} has one more entry than {@code boundaries}.
 *
 * @param boundaries step boundaries, strictly increasing
 * @param values the rates, positive, one more than the boundaries
 */
public record PiecewiseConstantDecay(List<Double> boundaries, List<Double> values) implements LearningRateSchedule {
  /**
   * Validates and freezes the lists.
   *
   * @throws SpecException for mismatched lengths or bad values (path = the Keras argument name)
   */
  public PiecewiseConstantDecay {
    if (boundaries == null || values == null) {
      throw new SpecException(boundaries == null ? "boundaries" : "values",
          "piecewise_constant_decay needs both boundaries and values, e.g. boundaries: [1000, 2000], values: [0.01, 0.005, 0.001]");
    }
    boundaries = List.copyOf(boundaries);
    values = List.copyOf(values);
    if (values.size() != boundaries.size() + 1) {
      throw new SpecException("values", "values must have one more entry than boundaries, got "
          + values.size() + " values for " + boundaries.size() + " boundaries");
    }
    for (int i = 0; i < boundaries.size(); i++) {
      double b = boundaries.get(i);
      if (!Double.isFinite(b) || (i > 0 && !(b > boundaries.get(i - 1)))) {
        throw new SpecException("boundaries", "boundaries must be finite and strictly increasing, got " + boundaries);
      }
    }
    for (double v : values) {
      if (!(v > 0) || Double.isInfinite(v)) {
        throw new SpecException("values", "every value must be a positive finite learning rate, got " + values);
      }
    }
  }

  @Override
  public double at(long step) {
    int i = 0;
    while (i < boundaries.size() && step > boundaries.get(i)) {
      i++;
    }
    return values.get(i);
  }

  @Override
  public String name() {
    return "piecewise_constant_decay";
  }
}
