package dev.lamina.diagnose;

import dev.lamina.activation.Activation;
import dev.lamina.init.AutoChoice;
import dev.lamina.init.AutoInitializer;
import dev.lamina.init.Fans;
import dev.lamina.layer.Dense;
import dev.lamina.layer.Layer;
import dev.lamina.model.Model;
import dev.lamina.train.Dataset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Measures a model on a batch of real rows: one forward pass (inference mode) and one backward pass
 * through {@link Model#backpropagate}, no weight update, then per Dense layer the statistics of
 * {@link LayerStats} and plain-word warnings.
 *
 * <p>Warnings (thresholds are the named constants): a hidden layer whose back-propagated error
 * dLoss/dz has a standard deviation below {@value #VANISHING_RATIO} of the output layer's is "vanishing", above
 * {@value #EXPLODING_RATIO} times "exploding" (the article's order-of-magnitude criterion); any dead
 * ReLU unit; more than {@value #SATURATED_WARNING} of a layer's outputs saturated; any unit that is
 * an exact copy of another. Each names the layer, the number and the fix, with the initializer
 * {@code auto} would pick ({@link AutoInitializer}) as the matched choice.
 *
 * <p>Overwrites the parameter gradients and the layers' buffers, so call it between epochs, not
 * inside a batch.
 */
public final class Diagnostics {
  /** Gradient-std ratio to the output layer below which a layer is reported as vanishing. */
  public static final double VANISHING_RATIO = 0.1;
  /** Gradient-std ratio to the output layer above which a layer is reported as exploding. */
  public static final double EXPLODING_RATIO = 10;
  /** Fraction of saturated outputs above which a layer is reported. */
  public static final double SATURATED_WARNING = 0.1;

  private Diagnostics() {}

  /** Statistics of {@code model} on all rows of {@code batch} (labels are needed for the gradients). */
  public static Diagnosis inspect(Model model, Dataset batch) {
    double loss = model.backpropagate(batch);
    int rows = batch.rows();
    List<Dense> dense = new ArrayList<>();
    List<Integer> index = new ArrayList<>();
    List<Layer> layers = model.layers();
    for (int i = 0; i < layers.size(); i++) {
      if (layers.get(i) instanceof Dense d) {
        dense.add(d);
        index.add(i);
      }
    }
    Dense last = dense.get(dense.size() - 1);
    double outputErrorStd = moments(last.errorSignal(), rows * last.outputWidth())[1];
    List<LayerStats> stats = new ArrayList<>();
    for (int k = 0; k < dense.size(); k++) {
      stats.add(measure(dense.get(k), index.get(k), rows, outputErrorStd));
    }
    return new Diagnosis(rows, loss, stats, warnings(stats, dense));
  }

  private static LayerStats measure(Dense d, int index, int rows, double outputErrorStd) {
    int in = d.inputWidth();
    int units = d.outputWidth();
    int n = rows * units;
    double[] w = moments(d.kernel().value(), d.kernel().size());
    double[] g = moments(d.kernel().grad(), d.kernel().size());
    double[] z = moments(d.preActivation(), n);
    double[] a = moments(d.output(), n);
    double[] e = moments(d.errorSignal(), n);
    String act = d.activation().name();
    double dead = d.activation().isReluFamily() ? deadFraction(d.preActivation(), rows, units) : Double.NaN;
    double saturated = Double.NaN;
    if (Saturation.applies(act)) {
      int count = 0;
      double[] out = d.output();
      for (int i = 0; i < n; i++) {
        if (Saturation.isSaturated(act, out[i])) {
          count++;
        }
      }
      saturated = (double) count / n;
    }
    String init = d.kernelInitializer() instanceof AutoChoice ? d.kernelInitializer().name() + " (auto)"
        : d.kernelInitializer().name();
    return new LayerStats(index, d.name(), act, in, units, init, d.kernelInitializer().targetStd(Fans.of(in, units)),
        w[0], w[1], z[1], a[0], a[1], norm(d.kernel().grad(), d.kernel().size()), g[1],
        norm(d.errorSignal(), n), e[1], e[1] / outputErrorStd, dead, saturated, duplicates(d));
  }

  /** Units whose z is never positive on the batch. */
  private static double deadFraction(double[] z, int rows, int units) {
    int dead = 0;
    for (int j = 0; j < units; j++) {
      boolean alive = false;
      for (int r = 0; r < rows && !alive; r++) {
        alive = z[r * units + j] > 0;
      }
      if (!alive) {
        dead++;
      }
    }
    return (double) dead / units;
  }

  /** Units whose kernel column and bias equal those of an earlier unit, exactly. */
  private static int duplicates(Dense d) {
    double[] w = d.kernel().value();
    double[] b = d.bias() == null ? null : d.bias().value();
    int in = d.inputWidth();
    int units = d.outputWidth();
    int copies = 0;
    for (int j = 1; j < units; j++) {
      for (int k = 0; k < j; k++) {
        if (sameUnit(w, b, in, units, j, k)) {
          copies++;
          break;
        }
      }
    }
    return copies;
  }

  private static boolean sameUnit(double[] w, double[] b, int in, int units, int j, int k) {
    if (b != null && Double.compare(b[j], b[k]) != 0) {
      return false;
    }
    for (int i = 0; i < in; i++) {
      if (Double.compare(w[i * units + j], w[i * units + k]) != 0) {
        return false;
      }
    }
    return true;
  }

  private static List<String> warnings(List<LayerStats> stats, List<Dense> dense) {
    List<String> out = new ArrayList<>();
    // The worst vanishing (or exploding) layer gets the full sentence; the others are listed after
    // it in one line, so a 20-layer network does not print 20 near-identical warnings.
    signalWarning(out, stats, dense, true);
    signalWarning(out, stats, dense, false);
    for (int k = 0; k < stats.size(); k++) {
      LayerStats s = stats.get(k);
      if (s.deadFraction() > 0) {
        int deadUnits = (int) Math.round(s.deadFraction() * s.fanOut());
        out.add(where(s) + deadUnits + " of " + s.fanOut() + " units (" + pct(s.deadFraction())
            + (deadUnits == 1 ? ") is" : ") are") + " dead on this batch (never positive): they pass no gradient and may "
            + "never recover");
      }
      if (s.saturatedFraction() > SATURATED_WARNING) {
        out.add(where(s) + pct(s.saturatedFraction()) + " of outputs are saturated (derivative near 0); "
            + "smaller initial weights (" + AutoInitializer.choiceFor(dense.get(k).activation())
            + ") keep them in the active range");
      }
      if (s.duplicateUnits() > 0) {
        out.add(where(s) + s.duplicateUnits() + " of " + s.fanOut() + " units are exact copies of another unit: "
            + "symmetry is not broken, so they get the same updates and stay copies; use a random initializer such as "
            + AutoInitializer.choiceFor(dense.get(k).activation()));
      }
    }
    return out;
  }

  private static void signalWarning(List<String> out, List<LayerStats> stats, List<Dense> dense, boolean vanishing) {
    List<Integer> hit = new ArrayList<>();
    int worst = -1;
    for (int k = 0; k < stats.size() - 1; k++) {
      double r = stats.get(k).errorStdRatio();
      if (vanishing ? r < VANISHING_RATIO : r > EXPLODING_RATIO) {
        hit.add(k);
        if (worst < 0 || (vanishing ? r < stats.get(worst).errorStdRatio() : r > stats.get(worst).errorStdRatio())) {
          worst = k;
        }
      }
    }
    if (worst < 0) {
      return;
    }
    LayerStats w = stats.get(worst);
    out.add(where(w) + "gradient std is " + Diagnosis.sci(w.errorStdRatio(), 2) + (vanishing ? " of" : " times")
        + " the output layer's: " + (vanishing ? "vanishing" : "exploding") + "; " + advice(w, dense.get(worst).activation()));
    if (hit.size() > 1) {
      List<String> others = new ArrayList<>();
      double lo = Double.POSITIVE_INFINITY;
      double hi = 0;
      for (int k : hit) {
        if (k != worst) {
          others.add(Integer.toString(stats.get(k).index()));
          lo = Math.min(lo, stats.get(k).errorStdRatio());
          hi = Math.max(hi, stats.get(k).errorStdRatio());
        }
      }
      out.add("layers " + String.join(", ", others) + (vanishing ? " also vanish" : " also explode") + ": gradient std "
          + Diagnosis.sci(lo, 2) + " to " + Diagnosis.sci(hi, 2) + (vanishing ? " of" : " times") + " the output layer's");
    }
  }

  private static String advice(LayerStats s, Activation act) {
    if ("sigmoid".equals(act.name())) {
      return "sigmoid's derivative is at most 0.25, so the error shrinks at least 4x per layer whatever the init; "
          + "use relu with he_uniform or tanh with glorot_uniform for hidden layers";
    }
    String matched = AutoInitializer.choiceFor(act);
    if (s.initializer().startsWith(matched)) {
      return matched + " is already the matched init for " + act.name() + ": the network may be too deep for it; "
          + "try lsuv or fewer layers";
    }
    return matched + " keeps it within 10x";
  }

  private static String where(LayerStats s) {
    return "layer " + s.index() + " (" + s.activation() + "): ";
  }

  private static String pct(double f) {
    return String.format(Locale.ROOT, "%.0f%%", 100 * f);
  }

  /** {mean, population std} of the first n values. */
  static double[] moments(double[] v, int n) {
    double mean = 0;
    for (int i = 0; i < n; i++) {
      mean += v[i];
    }
    mean /= n;
    double s = 0;
    for (int i = 0; i < n; i++) {
      double d = v[i] - mean;
      s += d * d;
    }
    return new double[] {mean, Math.sqrt(s / n)};
  }

  static double norm(double[] v, int n) {
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += v[i] * v[i];
    }
    return Math.sqrt(s);
  }
}
