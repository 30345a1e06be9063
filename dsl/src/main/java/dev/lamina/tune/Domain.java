package dev.lamina.tune;

import dev.lamina.random.Rng;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;

/**
 * The values one tuned setting may take, as written under {@code tune.space}:
 * <ul>
 *   <li>a list, {@code [4, 8, 16]}: a {@link Choice} (any YAML values, names or numbers);</li>
 *   <li>{@code {int: [2, 64]}}: an {@link IntRange}, both ends included;</li>
 *   <li>{@code {uniform: [0.0, 0.5]}}: a {@link FloatRange} drawn uniformly;</li>
 *   <li>{@code {log_uniform: [0.0003, 0.03]}}: a {@link FloatRange} drawn uniformly in log space
 *       ({@code exp(U(ln lo, ln hi))}, KerasTuner's {@code sampling="log"}, Optuna's {@code log=True}).</li>
 * </ul>
 * A grid enumerates choices and whole-number ranges; a float range has no grid.
 */
public sealed interface Domain extends Serializable {
  /** Draws one value. */
  Object sample(Rng rng);

  /** Every value, in order, or null when the domain is continuous. */
  List<Object> grid();

  /** The number of values of {@link #grid}, or -1 when the domain is continuous. */
  long size();

  /** The domain as written, for reports: {@code [4, 8, 16]}, {@code log_uniform [0.0003, 0.03]}. */
  String describe();

  /** Whether the values are numbers (so a report can plot them on an axis). */
  boolean numeric();

  /** One of the listed values, each with probability 1 / n. */
  record Choice(List<Object> values) implements Domain {
    /** Freezes the values. */
    public Choice {
      values = List.copyOf(values);
    }

    @Override
    public Object sample(Rng rng) {
      return values.get(rng.nextInt(values.size()));
    }

    @Override
    public List<Object> grid() {
      return values;
    }

    @Override
    public long size() {
      return values.size();
    }

    @Override
    public String describe() {
      return values.toString();
    }

    @Override
    public boolean numeric() {
      return values.stream().allMatch(v -> v instanceof Number);
    }
  }

  /** A whole number in {@code [lo, hi]}, each with probability 1 / (hi - lo + 1). */
  record IntRange(long lo, long hi) implements Domain {
    @Override
    public Object sample(Rng rng) {
      return lo + (long) Math.floor(rng.nextDouble() * (hi - lo + 1));
    }

    @Override
    public List<Object> grid() {
      return java.util.stream.LongStream.rangeClosed(lo, hi).boxed().map(v -> (Object) v).toList();
    }

    @Override
    public long size() {
      return hi - lo + 1;
    }

    @Override
    public String describe() {
      return "int [" + lo + ", " + hi + "]";
    }

    @Override
    public boolean numeric() {
      return true;
    }
  }

  /** A number in {@code [lo, hi)}, uniform, or log-uniform when {@code log}. */
  record FloatRange(double lo, double hi, boolean log) implements Domain {
    @Override
    public Object sample(Rng rng) {
      double u = rng.nextDouble();
      return log ? Math.exp(Math.log(lo) + u * (Math.log(hi) - Math.log(lo))) : lo + u * (hi - lo);
    }

    @Override
    public List<Object> grid() {
      return null;
    }

    @Override
    public long size() {
      return -1;
    }

    @Override
    public String describe() {
      return String.format(Locale.ROOT, "%s [%s, %s]", log ? "log_uniform" : "uniform", lo, hi);
    }

    @Override
    public boolean numeric() {
      return true;
    }
  }
}
