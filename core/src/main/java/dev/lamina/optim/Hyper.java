package dev.lamina.optim;

import dev.lamina.spec.Args;
import dev.lamina.spec.SpecException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * Range checks for optimizer and schedule hyperparameters, and slot allocation. Each
 * check throws a {@link SpecException} whose path is the Keras argument name; the factories in
 * {@link Optimizers} and {@link Schedules} re-root it under the spec path.
 */
final class Hyper {
  private Hyper() {}

  /** {@code v} in [0, 1] (momentum). */
  static double inClosedUnit(String key, double v) {
    if (!(v >= 0 && v <= 1)) {
      throw new SpecException(key, key + " must be a number in [0, 1], got " + v + "; typical values are 0.9 to 0.99");
    }
    return v;
  }

  /** {@code v} in [0, 1) (decay rates: beta_1, beta_2, rho). */
  static double inHalfOpenUnit(String key, double v) {
    if (!(v >= 0 && v < 1)) {
      throw new SpecException(key, key + " must be a number in [0, 1), got " + v + "; typical values are 0.9 to 0.999");
    }
    return v;
  }

  /** {@code v} positive and finite (learning rates, step counts). */
  static double positive(String key, double v) {
    if (!(v > 0) || Double.isInfinite(v)) {
      throw new SpecException(key, key + " must be a positive finite number, got " + v);
    }
    return v;
  }

  /** {@code v} finite and not negative (epsilon, initial accumulator). */
  static double nonNegative(String key, double v) {
    if (!(v >= 0) || Double.isInfinite(v)) {
      throw new SpecException(key, key + " must be a finite number >= 0, got " + v);
    }
    return v;
  }

  /**
   * One zero slot per parameter, shaped like it and in its precision: the state of an optimizer
   * whose rule has a single-precision form (float32 parameters get float32 slots, as in Keras).
   */
  static Storage[] zerosLike(List<Parameter> params) {
    return filledLike(params, 0.0);
  }

  /** One slot per parameter, shaped like it and in its precision, filled with {@code value}. */
  static Storage[] filledLike(List<Parameter> params, double value) {
    Storage[] out = new Storage[params.size()];
    for (int i = 0; i < out.length; i++) {
      boolean single = params.get(i).singlePrecision();
      out[i] = new Storage(params.get(i).size());
      if (value != 0) {
        Arrays.fill(out[i].doubles(), value);
      }
      out[i].setSingle(single);
    }
    return out;
  }

  /** The double views of slots, in order (for {@link Optimizer#slots()}). */
  static void addDoubles(List<double[]> into, Storage[] slots) {
    for (Storage s : slots) {
      into.add(s.doubles());
    }
  }

  /**
   * Runs a constructor whose checks report bare argument names, re-rooting any error under the
   * arguments' spec path (so {@code beta_1} becomes {@code compile.optimizer.beta_1}).
   */
  static <T> T construct(Args args, Supplier<T> make) {
    try {
      return make.get();
    } catch (SpecException e) {
      String path = e.path().isEmpty() ? args.path() : args.pathOf(e.path());
      throw new SpecException(path, e.detail());
    }
  }

  /** A number argument that the component cannot do without. */
  static double required(Args args, String owner, String key, String example) {
    if (!args.has(key) && !args.describing()) {
      throw new SpecException(args.pathOf(key), owner + " needs the argument '" + key + "', e.g. " + example);
    }
    return args.getDouble(key, Double.NaN);
  }
}
