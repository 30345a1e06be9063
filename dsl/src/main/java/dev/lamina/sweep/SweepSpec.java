package dev.lamina.sweep;

import dev.lamina.spec.Names;
import dev.lamina.spec.SpecException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code sweep:} section of a spec, validated.
 *
 * <pre>
 * sweep:
 *   kernel_initializer: [random_uniform, glorot_uniform, he_uniform]   # every Dense layer
 *   activation: [relu, sigmoid, tanh]   # hidden Dense layers; the output layer keeps its own
 *   seeds: 5                            # repeats per cell, each with its own derived seed
 *   target_loss: 0.40                   # optional, see SweepStatistics
 *   monitor: val_mae                    # optional: rank by this key's best value over the epochs
 * </pre>
 *
 * <p>Sweepable fields: {@code kernel_initializer} (applied to every Dense layer, so the whole network
 * is initialized the way the cell names), {@code activation} (hidden Dense layers only),
 * {@code optimizer} (a name with its defaults), {@code batch_size} and {@code epochs}. Runs are the
 * Cartesian product of the axes in the order written, times {@code seeds} (default
 * {@value #DEFAULT_SEEDS}).
 *
 * @param axes the swept fields, in the order written
 * @param seeds repeats per cell, at least 1
 * @param targetLoss the loss target for {@code epochs_to_target}, or null for the automatic one
 * @param monitor the history key cells are ranked by ({@code val_mae}, by its best value over the
 *     epochs; the metric says which way is better), or null for the best val_loss. Never a
 *     {@code test_} key: the test rows measure the winner, they do not choose it
 */
public record SweepSpec(List<SweepAxis> axes, int seeds, Double targetLoss, String monitor) {
  private static final String TEST_PREFIX = "test_";
  /** Repeats per cell when {@code seeds} is not given. */
  public static final int DEFAULT_SEEDS = 1;
  /** The fields a sweep may vary. */
  public static final List<String> FIELDS = List.of("kernel_initializer", "activation", "optimizer", "batch_size", "epochs");

  /** Freezes the axes. */
  public SweepSpec {
    axes = List.copyOf(axes);
  }

  /** A sweep ranked by the default key. */
  public SweepSpec(List<SweepAxis> axes, int seeds, Double targetLoss) {
    this(axes, seeds, targetLoss, null);
  }

  /** Reads the raw {@code sweep:} map; errors carry the path {@code sweep.<key>}. */
  public static SweepSpec parse(Map<String, Object> raw) {
    if (raw.isEmpty()) {
      throw new SpecException("sweep", "the spec has no sweep section: add for example\n"
          + "sweep:\n  kernel_initializer: [glorot_uniform, he_uniform]\n  activation: [relu, tanh]\n  seeds: 3");
    }
    List<SweepAxis> axes = new ArrayList<>();
    int seeds = DEFAULT_SEEDS;
    Double target = null;
    String monitor = null;
    for (Map.Entry<String, Object> e : raw.entrySet()) {
      String key = e.getKey();
      String path = "sweep." + key;
      Object v = e.getValue();
      if (key.equals("seeds")) {
        if (!(v instanceof Number n) || n.doubleValue() != n.intValue() || n.intValue() < 1) {
          throw new SpecException(path, "seeds must be a whole number of at least 1, got " + v + ", e.g. seeds: 5");
        }
        seeds = n.intValue();
      } else if (key.equals("target_loss")) {
        if (!(v instanceof Number n) || !(n.doubleValue() > 0)) {
          throw new SpecException(path, "target_loss must be a positive number, got " + v + ", e.g. target_loss: 0.4");
        }
        target = n.doubleValue();
      } else if (key.equals("monitor")) {
        if (!(v instanceof String m) || m.isBlank()) {
          throw new SpecException(path, "monitor must be a metric key, got " + v + ", e.g. monitor: val_mae");
        }
        if (m.startsWith(TEST_PREFIX)) {
          String val = "val_" + m.substring(TEST_PREFIX.length());
          throw new SpecException(path, "monitor '" + m + "' is measured on the test rows, which must not choose the"
              + " winner (its test scores would then overstate how it does on new rows); rank by " + val
              + " (its best value over the epochs, on the validation rows): the test scores are reported beside it");
        }
        monitor = m;
      } else if (FIELDS.contains(key)) {
        axes.add(new SweepAxis(key, values(v, path)));
      } else {
        List<String> known = new ArrayList<>(FIELDS);
        known.add("seeds");
        known.add("target_loss");
        known.add("monitor");
        List<String> close = Names.closest(key, known);
        throw new SpecException(path, "cannot sweep '" + key + "'." + (close.isEmpty() ? "" : " Did you mean "
            + String.join(", ", close) + "?") + " Sweepable: " + String.join(", ", known) + ".");
      }
    }
    if (axes.isEmpty()) {
      throw new SpecException("sweep", "the sweep names no field to vary: give a list for one of " + String.join(", ", FIELDS));
    }
    return new SweepSpec(axes, seeds, target, monitor);
  }

  private static List<String> values(Object v, String path) {
    List<?> list = v instanceof List<?> l ? l : List.of(v);
    if (list.isEmpty()) {
      throw new SpecException(path, "the list of values is empty: give at least one, e.g. [he_uniform]");
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      Object o = list.get(i);
      if (!(o instanceof String || o instanceof Number)) {
        throw new SpecException(path + "[" + i + "]", "expected a name or number, got " + o
            + "; sweeps take plain names (initializer arguments go in a layer, not a sweep)");
      }
      String s = o instanceof Number n && n.doubleValue() == n.longValue() ? Long.toString(n.longValue()) : o.toString();
      if (out.contains(s)) {
        throw new SpecException(path + "[" + i + "]", "'" + s + "' is listed twice: list each value once");
      }
      out.add(s);
    }
    return out;
  }

  /** The axis for {@code field}, or null when it is not swept. */
  public SweepAxis axis(String field) {
    for (SweepAxis a : axes) {
      if (a.field().equals(field)) {
        return a;
      }
    }
    return null;
  }

  /** The number of cells (combinations of values). */
  public int cells() {
    int n = 1;
    for (SweepAxis a : axes) {
      n *= a.values().size();
    }
    return n;
  }
}
