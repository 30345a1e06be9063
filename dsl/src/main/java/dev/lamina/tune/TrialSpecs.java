package dev.lamina.tune;

import dev.lamina.runspec.RunSpec;
import dev.lamina.spec.SpecException;
import dev.lamina.yaml.SpecWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies each setting to the base spec and checks the result with the spec reader, before any
 * training: a value the spec cannot take ({@code units: 0}, an unknown initializer, a key the
 * layer does not have) is an error at the value in the {@code tune.space} section
 * ({@code model.yaml:31:22}), not a failed trial at minute 3.
 */
public final class TrialSpecs {
  private TrialSpecs() {}

  /** The trials of {@code settings} on {@code base}. */
  public static List<Trial> build(RunSpec base, SearchSpace space, List<List<Object>> settings) {
    SpecTree tree = SpecTree.of(base);
    List<Trial> out = new ArrayList<>();
    for (int t = 0; t < settings.size(); t++) {
      List<Object> values = settings.get(t);
      SpecTree copy = tree.copy();
      List<List<String>> written = new ArrayList<>();
      for (int p = 0; p < values.size(); p++) {
        Parameter param = space.parameters().get(p);
        written.add(copy.set(param.path(), values.get(p), where(space, p, values.get(p))));
      }
      RunSpec spec;
      try {
        spec = copy.read();
      } catch (SpecException e) {
        throw blame(e, space, values, written, t);
      }
      out.add(new Trial(t, values, spec, SpecWriter.write(spec), written));
    }
    return out;
  }

  /**
   * {@code e}, raised about a tuned spec, as an error at the setting that caused it: the value in
   * {@code tune.space} whose written paths contain the error's path (or the other way round); the
   * {@code tune.space} section when no setting matches.
   */
  public static SpecException blame(SpecException e, SearchSpace space, List<Object> values, List<List<String>> written,
      int trial) {
    String inner = e.path() == null ? "" : e.path();
    for (int p = 0; p < written.size(); p++) {
      for (String w : variants(written.get(p))) {
        if (!inner.isEmpty() && (inner.startsWith(w) || w.startsWith(inner))) {
          Parameter param = space.parameters().get(p);
          return new SpecException(where(space, p, values.get(p)), param.name() + " = " + values.get(p) + " (trial " + trial
              + ") makes an invalid spec: " + inner + ": " + e.detail());
        }
      }
    }
    return new SpecException("tune.space", "trial " + trial + " " + describe(space, values) + " makes an invalid spec: "
        + (inner.isEmpty() ? "" : inner + ": ") + e.detail());
  }

  /**
   * The written paths, and each with one step left out: the reader names a component's argument
   * without the component ({@code compile.optimizer.learning_rate} for
   * {@code compile.optimizer.adam.learning_rate}).
   */
  private static List<String> variants(List<String> written) {
    List<String> out = new ArrayList<>(written);
    for (String w : written) {
      String[] steps = w.split("\\.");
      for (int skip = 1; skip < steps.length - 1; skip++) {
        List<String> kept = new ArrayList<>(List.of(steps));
        kept.remove(skip);
        out.add(String.join(".", kept));
      }
    }
    return out;
  }

  /** {@code tune.space.<path>[k]} for a listed value (its own line and column), else the setting's key. */
  static String where(SearchSpace space, int p, Object value) {
    Parameter param = space.parameters().get(p);
    String at = "tune.space." + param.name();
    if (param.domain() instanceof Domain.Choice c) {
      int k = c.values().indexOf(value);
      if (k >= 0) {
        return at + "[" + k + "]";
      }
    }
    return at;
  }

  /** {@code (layers[0].units=8, fit.batch_size=32)}. */
  public static String describe(SearchSpace space, List<Object> values) {
    List<String> parts = new ArrayList<>();
    for (int p = 0; p < values.size(); p++) {
      parts.add(space.parameters().get(p).name() + "=" + TuneFormat.value(values.get(p)));
    }
    return "(" + String.join(", ", parts) + ")";
  }
}
