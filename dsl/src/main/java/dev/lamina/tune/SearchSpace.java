package dev.lamina.tune;

import dev.lamina.spec.Names;
import dev.lamina.spec.SpecException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code tune.space} map: one {@link Parameter} per spec path, in the order written.
 *
 * <pre>
 * space:
 *   layers[0].units: [4, 8, 16, 32]                       # a choice
 *   layers[1].rate: {uniform: [0.0, 0.5]}                 # a float range
 *   compile.optimizer.learning_rate: {log_uniform: [0.0003, 0.03]}
 *   fit.batch_size: {int: [16, 64]}                       # whole numbers, both ends included
 *   layers[*].kernel_initializer: [he_uniform, glorot_uniform]
 * </pre>
 *
 * @param parameters the settings, in the order written
 */
public record SearchSpace(List<Parameter> parameters) implements Serializable {
  /** The range forms, as written in a one-entry map. */
  public static final List<String> RANGES = List.of("int", "uniform", "log_uniform");

  /** Freezes the list. */
  public SearchSpace {
    parameters = List.copyOf(parameters);
  }

  /**
   * Reads {@code raw} (the value of {@code tune.space}); errors carry {@code tune.space.<path>}.
   *
   * @throws SpecException for an empty space, a bad path, an empty or repeated choice, a bad range
   */
  public static SearchSpace parse(Object raw, String at) {
    if (!(raw instanceof Map<?, ?> map) || map.isEmpty()) {
      throw new SpecException(at, "the space names no setting to tune: give a map of spec paths to values, e.g.\n"
          + "space:\n  layers[0].units: [4, 8, 16]\n  compile.optimizer.learning_rate: {log_uniform: [0.0003, 0.03]}");
    }
    List<Parameter> out = new ArrayList<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      String key = String.valueOf(e.getKey());
      String where = at + "." + key;
      SpecPath path = SpecPath.parse(key, where);
      out.add(new Parameter(path, domain(e.getValue(), where)));
    }
    return new SearchSpace(out);
  }

  private static Domain domain(Object v, String where) {
    if (v instanceof List<?> list) {
      if (list.isEmpty()) {
        throw new SpecException(where, "the list of values is empty: give at least one, e.g. [4, 8, 16]");
      }
      for (int i = 0; i < list.size(); i++) {
        if (list.subList(0, i).contains(list.get(i))) {
          throw new SpecException(where + "[" + i + "]", "'" + list.get(i) + "' is listed twice: list each value once");
        }
      }
      return new Domain.Choice(new ArrayList<>(list));
    }
    if (v instanceof Map<?, ?> m && m.size() == 1) {
      String form = String.valueOf(m.keySet().iterator().next());
      String fp = where + "." + form;
      Object bounds = m.values().iterator().next();
      if (!RANGES.contains(form)) {
        throw new SpecException(fp, "unknown range '" + form + "'." + Names.didYouMean(form, RANGES) + " A range is one of "
            + "{int: [lo, hi]}, {uniform: [lo, hi]} or {log_uniform: [lo, hi]}; a list gives the values themselves");
      }
      if (!(bounds instanceof List<?> b) || b.size() != 2 || !(b.get(0) instanceof Number lo) || !(b.get(1) instanceof Number hi)) {
        throw new SpecException(fp, form + " takes two numbers [lo, hi], got " + bounds + ", e.g. " + form + ": "
            + (form.equals("int") ? "[2, 64]" : "[0.0003, 0.03]"));
      }
      double l = lo.doubleValue();
      double h = hi.doubleValue();
      if (!(l < h) || !Double.isFinite(l) || !Double.isFinite(h)) {
        throw new SpecException(fp, form + " needs lo < hi (both finite), got [" + lo + ", " + hi + "]");
      }
      switch (form) {
        case "int" -> {
          if (l != Math.rint(l) || h != Math.rint(h)) {
            throw new SpecException(fp, "int takes whole numbers, got [" + lo + ", " + hi + "]; use uniform for decimals");
          }
          return new Domain.IntRange((long) l, (long) h);
        }
        case "log_uniform" -> {
          if (!(l > 0)) {
            throw new SpecException(fp, "log_uniform needs lo > 0 (it draws ln(value) uniformly), got " + lo
                + "; use uniform for a range that includes 0");
          }
          return new Domain.FloatRange(l, h, true);
        }
        default -> {
          return new Domain.FloatRange(l, h, false);
        }
      }
    }
    throw new SpecException(where, "expected a list of values or a range, got " + v + ", e.g. [4, 8, 16], {int: [2, 64]},"
        + " {uniform: [0.0, 0.5]} or {log_uniform: [0.0003, 0.03]}");
  }

  /** The number of grid points, or -1 when a range is continuous. */
  public long gridSize() {
    long n = 1;
    for (Parameter p : parameters) {
      long size = p.domain().size();
      if (size < 0) {
        return -1;
      }
      n = Math.multiplyExact(n, size);
    }
    return n;
  }
}
