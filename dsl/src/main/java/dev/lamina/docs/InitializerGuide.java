package dev.lamina.docs;

import dev.lamina.init.Fans;
import dev.lamina.init.Initializer;
import dev.lamina.init.Initializers;
import dev.lamina.init.VarianceScaling;
import dev.lamina.spec.ComponentSpec;
import java.util.List;
import java.util.Locale;

/**
 * Writes {@code docs/INITIALIZERS.md}: why initialization matters, the fans of a Dense kernel, one
 * section per initializer (formula, fan, Keras / PyTorch / DL4J names, paper, a histogram of its
 * weights next to the exact density), the variance through depth, and where the article, Keras,
 * PyTorch and DL4J disagree. Every number in it is measured from the code when the page is
 * generated, and the figures it shows are drawn by {@link InitializerFigures}.
 */
public final class InitializerGuide {
  /** The width of the example layer: a 256x256 Dense kernel, so fan_in = fan_out = 256. */
  public static final int N = 256;
  /** File name of the variance-through-depth figure. */
  static final String DEPTH_FIGURE = "init-depth-variance.png";
  /** File name of the sigmoid figure. */
  static final String SIGMOID_FIGURE = "init-sigmoid-derivative.png";

  /** Keras's truncated normals are cut at two standard deviations of the sampling sigma. */
  private static final double CUT = 2.0;
  /** P(|Z| &lt;= 2) for a standard normal Z: the mass a two-sigma truncation keeps. */
  private static final double KEPT = 0.9544997361036416;

  /**
   * The exact density of an initializer's weights.
   *
   * @param kind {@code uniform} (a = bound), {@code normal} (a = sigma) or {@code truncated}
   *     (a = sampling sigma, cut at {@code 2a})
   * @param a the bound or sigma
   */
  record Density(String kind, double a) {
    static Density uniform(double bound) {
      return new Density("uniform", bound);
    }

    static Density normal(double sigma) {
      return new Density("normal", sigma);
    }

    static Density truncated(double sigma) {
      return new Density("truncated", sigma);
    }

    double pdf(double x) {
      return switch (kind) {
        case "uniform" -> Math.abs(x) <= a ? 1 / (2 * a) : 0;
        case "normal" -> gauss(x);
        default -> Math.abs(x) <= CUT * a ? gauss(x) / KEPT : 0;
      };
    }

    private double gauss(double x) {
      return Math.exp(-0.5 * (x / a) * (x / a)) / (a * Math.sqrt(2 * Math.PI));
    }

    /** Half the width of the plotted range. */
    double support() {
      return switch (kind) {
        case "uniform" -> 1.2 * a;
        case "normal" -> 4 * a;
        default -> 2.4 * a;
      };
    }

    String label() {
      return switch (kind) {
        case "uniform" -> "U(" + fmt(-a) + ", " + fmt(a) + ")";
        case "normal" -> "N(0, " + fmt(a) + "^2)";
        default -> "N(0, " + fmt(a) + "^2) cut at +-" + fmt(CUT * a);
      };
    }
  }

  /**
   * One initializer's section.
   *
   * @param name the heading (the Keras name)
   * @param spec what {@link Initializers} builds
   * @param formula the distribution, in the fans
   * @param fan the fan it uses
   * @param keras Keras's class and string name
   * @param pytorch PyTorch's call
   * @param dl4j DL4J's {@code WeightInit}
   * @param paper where it comes from
   * @param density the exact density for a 256x256 kernel, or null when there is nothing to plot
   * @param note what else to know
   */
  record Section(String name, ComponentSpec spec, String formula, String fan, String keras, String pytorch,
      String dl4j, String paper, Density density, String note) {
    String figure() {
      return "init-" + name + ".png";
    }
  }

  private static final double R = VarianceScaling.TRUNCATED_STD_RATIO;
  private static final String GLOROT = "Glorot & Bengio, \"Understanding the difficulty of training deep feedforward "
      + "neural networks\", AISTATS 2010";
  private static final String HE = "He, Zhang, Ren & Sun, \"Delving Deep into Rectifiers\", ICCV 2015, arXiv:1502.01852";
  private static final String LECUN = "LeCun, Bottou, Orr & Muller, \"Efficient BackProp\", 1998; Klambauer et al., "
      + "\"Self-Normalizing Neural Networks\", NeurIPS 2017 (with selu)";

  /** Every section, in the order the guide shows them. */
  static final List<Section> SECTIONS = List.of(
      new Section("random_uniform", Initializers.RANDOM_UNIFORM, "U(minval, maxval), default U(-0.05, 0.05)",
          "none: the bounds do not depend on the layer", "`RandomUniform`, `random_uniform`, `uniform`",
          "`nn.init.uniform_(w, -0.05, 0.05)` (PyTorch's own default is U(0, 1))", "`DISTRIBUTION` with a uniform",
          "none; a fixed small range", Density.uniform(0.05),
          "Not the article's U(-1/sqrt(fan_in), 1/sqrt(fan_in)): that is `uniform_fan_in` below. With a fixed "
          + "range the variance shrinks or grows layer after layer, as the depth figure shows."),
      new Section("random_normal", Initializers.RANDOM_NORMAL, "N(mean, stddev^2), default N(0, 0.05^2), untruncated",
          "none", "`RandomNormal`, `random_normal`, `normal`", "`nn.init.normal_(w, 0, 0.05)`",
          "`DISTRIBUTION` with a normal", "none", Density.normal(0.05), ""),
      new Section("truncated_normal", Initializers.TRUNCATED_NORMAL,
          "N(mean, stddev^2) redrawn outside mean +- 2 stddev; default stddev 0.05 (actual std 0.88 x 0.05)", "none",
          "`TruncatedNormal`, `truncated_normal`", "`nn.init.trunc_normal_(w, 0, 0.05, -0.1, 0.1)` (absolute cut-offs)",
          "none", "none", Density.truncated(0.05), ""),
      new Section("glorot_uniform", Initializers.GLOROT_UNIFORM,
          "U(-limit, limit), limit = sqrt(6 / (fan_in + fan_out)); variance 2 / (fan_in + fan_out)", "fan_avg",
          "`GlorotUniform`, `glorot_uniform` (Keras's Dense default)", "`nn.init.xavier_uniform_(w)`",
          "`XAVIER_UNIFORM`", GLOROT, Density.uniform(Math.sqrt(6.0 / (2 * N))),
          "Keeps the variance of the forward signal and of the backward gradient alike when fan_in and fan_out "
          + "differ, for activations that are linear near 0 (tanh, sigmoid's middle)."),
      new Section("glorot_normal", Initializers.GLOROT_NORMAL,
          "truncated N(0, sigma^2), sigma = sqrt(2 / (fan_in + fan_out)) / 0.8796, cut at +-2 sigma", "fan_avg",
          "`GlorotNormal`, `glorot_normal`", "`nn.init.xavier_normal_(w)` (untruncated)", "`XAVIER` (untruncated)",
          GLOROT, Density.truncated(Math.sqrt(2.0 / (2 * N)) / R),
          "Keras truncates at two sigma and enlarges sigma by 1/0.8796 so the values' std is the article's "
          + "sqrt(2 / (fan_in + fan_out)); PyTorch and DL4J draw the untruncated normal with that std."),
      new Section("he_uniform", Initializers.HE_UNIFORM, "U(-limit, limit), limit = sqrt(6 / fan_in); variance 2 / fan_in",
          "fan_in", "`HeUniform`, `he_uniform`", "`nn.init.kaiming_uniform_(w, nonlinearity='relu')` (on the "
          + "transposed weight)", "`RELU_UNIFORM`", HE, Density.uniform(Math.sqrt(6.0 / N)),
          "relu zeroes half its inputs, halving the variance; the factor 2 gives it back, so relu networks keep "
          + "their variance through depth."),
      new Section("he_normal", Initializers.HE_NORMAL, "truncated N(0, sigma^2), sigma = sqrt(2 / fan_in) / 0.8796, cut at +-2 sigma",
          "fan_in", "`HeNormal`, `he_normal`", "`nn.init.kaiming_normal_(w, nonlinearity='relu')` (untruncated)",
          "`RELU` (untruncated)", HE, Density.truncated(Math.sqrt(2.0 / N) / R), ""),
      new Section("lecun_uniform", Initializers.LECUN_UNIFORM, "U(-limit, limit), limit = sqrt(3 / fan_in); variance 1 / fan_in",
          "fan_in", "`LecunUniform`, `lecun_uniform`", "`nn.init.kaiming_uniform_(w, nonlinearity='linear')`",
          "`LECUN_UNIFORM` but with limit 3 / sqrt(fan_in), 1.73x wider", LECUN, Density.uniform(Math.sqrt(3.0 / N)), ""),
      new Section("lecun_normal", Initializers.LECUN_NORMAL, "truncated N(0, sigma^2), sigma = sqrt(1 / fan_in) / 0.8796, cut at +-2 sigma",
          "fan_in", "`LecunNormal`, `lecun_normal`", "`nn.init.kaiming_normal_(w, nonlinearity='linear')` (untruncated)",
          "`LECUN_NORMAL` / `NORMAL` (untruncated)", LECUN, Density.truncated(Math.sqrt(1.0 / N) / R),
          "The initializer selu's self-normalizing property assumes."),
      new Section("uniform_fan_in", Initializers.UNIFORM_FAN_IN,
          "U(-1/sqrt(fan_in), 1/sqrt(fan_in)); variance 1 / (3 fan_in)", "fan_in",
          "none as a name; `VarianceScaling(scale=1/3, mode='fan_in', distribution='uniform')`",
          "the default of `nn.Linear` (`kaiming_uniform_(w, a=sqrt(5))`)", "`UNIFORM`",
          GLOROT + " (their \"standard\" heuristic, eq. 1)", Density.uniform(1.0 / Math.sqrt(N)),
          "The article's \"random uniform\": a third of LeCun's variance, so deep networks shrink their signal."),
      new Section("variance_scaling", Initializers.varianceScaling(2.0, VarianceScaling.Mode.FAN_IN,
          VarianceScaling.Distribution.UNTRUNCATED_NORMAL),
          "scale / n with n = fan_in, fan_out or (fan_in + fan_out) / 2; `truncated_normal` (default): sigma = "
          + "sqrt(scale / n) / 0.8796 cut at +-2 sigma; `untruncated_normal`: N(0, scale / n); `uniform`: "
          + "U(+-sqrt(3 scale / n))", "`mode`: fan_in (default), fan_out, fan_avg", "`VarianceScaling`, `variance_scaling`",
          "`kaiming_*` / `xavier_*` with a gain", "`VAR_SCALING_*` (uniform bound 3 / sqrt(fan))",
          "the family all of the above belong to", Density.normal(Math.sqrt(2.0 / N)),
          "Shown with `{scale: 2.0, mode: fan_in, distribution: untruncated_normal}`: the article's He normal, "
          + "std sqrt(2 / fan_in), exactly as PyTorch draws it."),
      new Section("orthogonal", Initializers.ORTHOGONAL, "gain x Q, Q from the QR decomposition of a N(0, 1) matrix "
          + "(signs fixed by R's diagonal)", "none; rows (or columns) are orthonormal, so each entry has variance about 1 / n",
          "`Orthogonal`, `orthogonal`", "`nn.init.orthogonal_(w)`", "none", "Saxe, McClelland & Ganguli, \"Exact "
          + "solutions to the nonlinear dynamics of learning in deep linear neural networks\", ICLR 2014",
          Density.normal(1.0 / Math.sqrt(N)),
          "The density shown is the normal N(0, 1/n) the entries of a random orthogonal matrix approach."),
      new Section("zeros, ones, constant, identity", null, "every weight 0, 1 or `value`; identity: gain x I",
          "none", "`Zeros`, `Ones`, `Constant(value)`, `Identity(gain)`",
          "`zeros_`, `ones_`, `constant_`, `eye_`", "`ZERO`, `ONES`, `IDENTITY`", "none", null,
          "Right for biases (zeros is Keras's `bias_initializer` default) and wrong for kernels: every unit of a "
          + "layer computes the same function and receives the same gradient, so they never become different "
          + "(the symmetry problem)."));

  private InitializerGuide() {}

  /** The whole of {@code docs/INITIALIZERS.md}. */
  public static String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("# Weight initialization\n\n")
        .append("<!-- Generated by `java -jar builder.jar docs --out docs/` (figures: add `--figures`) from the code.\n")
        .append("     Do not edit by hand: DocsUpToDateTest fails when this file is stale. -->\n\n")
        .append("Which initial weights a network starts from decides whether it trains at all. This page shows, for ")
        .append("every initializer Lamina ships, the formula, the fan it uses, its names in Keras, PyTorch and DL4J, ")
        .append("the paper, and the weights it actually draws, measured from the code. The YAML syntax is in ")
        .append("[YAML.md](YAML.md#initializers).\n\n");
    why(md);
    fans(md);
    md.append("## The initializers\n\n")
        .append("Each histogram is the ").append(N * N).append(" weights of a ").append(N).append("x").append(N)
        .append(" Dense kernel (fan_in = fan_out = ").append(N).append(") drawn with seed ")
        .append(InitializerFigures.SEED).append(", next to the exact density.\n\n")
        .append("| initializer | target std | measured std | min | max |\n|---|---|---|---|---|\n");
    for (Section s : SECTIONS) {
      if (s.spec() != null) {
        double[] w = InitializerFigures.weights(s.spec(), N);
        Initializer init = Initializers.create(s.spec(), "");
        md.append("| [`").append(s.name()).append("`](#").append(s.name().replace("_", "")).append(") | ")
            .append(fmt(init.targetStd(Fans.of(N, N)))).append(" | ").append(fmt(std(w))).append(" | ")
            .append(fmt(min(w))).append(" | ").append(fmt(max(w))).append(" |\n");
      }
    }
    md.append('\n');
    for (Section s : SECTIONS) {
      section(md, s);
    }
    depth(md);
    disagreements(md);
    return md.toString();
  }

  private static void why(StringBuilder md) {
    md.append("## Why initialization matters\n\n")
        .append("**Forward.** A Dense unit computes z = sum_i w_i x_i over fan_in inputs. With independent, zero-mean ")
        .append("weights and inputs, Var(z) = fan_in x Var(w) x Var(x). Unless Var(w) = 1 / fan_in (times a gain for ")
        .append("the activation), every layer multiplies the variance by the same factor, and after 20 layers a ")
        .append("factor of 2 is a million and a factor of 1/2 is one in a million: the signal explodes or vanishes.\n\n")
        .append("**Backward.** The gradient flowing back through a layer is multiplied by the transposed kernel, ")
        .append("so its variance is scaled by fan_out x Var(w). Keeping both passes steady asks for ")
        .append("Var(w) = 1 / fan_in and Var(w) = 1 / fan_out at once; Glorot and Bengio compromise on ")
        .append("Var(w) = 2 / (fan_in + fan_out).\n\n")
        .append("**The sigmoid's 0.25.** The gradient is also multiplied by the activation's derivative. The ")
        .append("sigmoid's derivative s(x)(1 - s(x)) is at most 0.25 (at x = 0), so through 10 sigmoid layers the ")
        .append("gradient shrinks by at least 0.25^10, about 1e-6, whatever the weights. relu's derivative is 1 ")
        .append("where it is active, which is why He et al. only need to make up for the half of the inputs relu ")
        .append("zeroes: Var(w) = 2 / fan_in.\n\n")
        .append("![sigmoid and its derivative](images/").append(SIGMOID_FIGURE).append(")\n\n")
        .append("**Symmetry.** If all the weights of a layer are equal (zeros, ones, a constant), every unit ")
        .append("computes the same value and receives the same gradient, so they stay equal forever and the layer ")
        .append("is as good as one unit. Random initial weights break the symmetry; their scale is what the ")
        .append("initializers below choose.\n\n");
  }

  private static void fans(StringBuilder md) {
    Fans f = Fans.of(11, 6);
    md.append("## fan_in and fan_out of a Dense kernel\n\n")
        .append("Keras stores a Dense kernel as (inputs, units): `Dense(6, input_dim=11)` has a kernel of shape ")
        .append("(11, 6), so **fan_in = inputs = ").append(fmt(f.fanIn())).append("** and **fan_out = units = ")
        .append(fmt(f.fanOut())).append("** (fan_avg = ").append(fmt(f.fanAvg())).append("). Lamina uses the ")
        .append("same layout. PyTorch stores `nn.Linear(11, 6).weight` transposed, as (6, 11), and reads ")
        .append("fan_in = size(1): the same numbers, but a (inputs, units) matrix passed to `torch.nn.init` gets ")
        .append("its fans swapped. `builder.jar summary` prints each layer's fans, initializer and target std.\n\n");
  }

  private static void section(StringBuilder md, Section s) {
    md.append("### ").append(s.name()).append("\n\n")
        .append("| | |\n|---|---|\n")
        .append("| formula | ").append(s.formula()).append(" |\n")
        .append("| fan | ").append(s.fan()).append(" |\n")
        .append("| Keras | ").append(s.keras()).append(" |\n")
        .append("| PyTorch | ").append(s.pytorch()).append(" |\n")
        .append("| DL4J | ").append(s.dl4j()).append(" |\n")
        .append("| paper | ").append(s.paper()).append(" |\n");
    if (s.density() != null) {
      md.append("| exact density (256x256) | ").append(s.density().label()).append(" |\n");
    }
    md.append('\n');
    if (!s.note().isEmpty()) {
      md.append(s.note()).append("\n\n");
    }
    if (s.density() != null) {
      md.append("![").append(s.name()).append(" weights](images/").append(s.figure()).append(")\n\n");
    }
  }

  private static void depth(StringBuilder md) {
    md.append("## Variance through depth\n\n")
        .append("A plain forward pass of ").append(InitializerFigures.BATCH).append(" rows drawn from N(0, 1) through ")
        .append(InitializerFigures.DEPTH).append(" Dense layers of ").append(N).append(" units, zero biases, one ")
        .append("activation and one kernel initializer throughout. The variance of each layer's output:\n\n")
        .append("![activation variance through depth](images/").append(DEPTH_FIGURE).append(")\n\n")
        .append("| activation + initializer | layer 1 | layer 5 | layer 10 | layer 20 |\n|---|---|---|---|---|\n");
    for (String[] s : InitializerFigures.DEPTH_SERIES) {
      double[] v = InitializerFigures.varianceByDepth(s[0], s[1]);
      md.append("| ").append(s[0]).append(" + ").append(s[1]).append(" | ").append(sci(v[0])).append(" | ")
          .append(sci(v[4])).append(" | ").append(sci(v[9])).append(" | ").append(sci(v[19])).append(" |\n");
    }
    md.append("\nrelu with he_uniform keeps its variance; relu with glorot_uniform (half He's variance at equal fans) ")
        .append("halves it at every layer; the fixed +-0.05 of random_uniform makes it vanish. tanh and sigmoid ")
        .append("saturate instead of exploding, and the sigmoid's mean of 0.5 keeps its outputs from ever being ")
        .append("centred. `java -jar builder.jar inspect model.yaml` prints the same per-layer statistics for your own ")
        .append("network, and `examples/depth/` compares these cases by training them.\n\n");
  }

  private static void disagreements(StringBuilder md) {
    md.append("## Where the article, Keras, PyTorch and DL4J disagree\n\n")
        .append("- **Keras's RandomUniform is +-0.05**, not the article's U(-1/sqrt(fan_in), 1/sqrt(fan_in)). The ")
        .append("article's rule is PyTorch's `nn.Linear` default and DL4J's `UNIFORM`; in Lamina it is ")
        .append("`uniform_fan_in`.\n")
        .append("- **Keras's normals are truncated.** `glorot_normal`, `he_normal`, `lecun_normal` and ")
        .append("`variance_scaling` (default `truncated_normal`) cut at two sigma and divide sigma by ")
        .append(String.format(Locale.ROOT, "%.4f", R)).append(", so the std of the values is the article's ")
        .append("sqrt(2 / (fan_in + fan_out)) or sqrt(2 / fan_in). PyTorch's `xavier_normal_` / `kaiming_normal_` ")
        .append("and DL4J's `XAVIER` / `RELU` draw an untruncated normal; in Lamina that is `variance_scaling` with ")
        .append("`distribution: untruncated_normal`.\n")
        .append("- **PyTorch stores weights transposed**: `nn.Linear` keeps (out, in) and computes x W^T, Keras ")
        .append("and Lamina keep (in, out) and compute x W. Copying weights between them needs a transpose, and ")
        .append("`torch.nn.init` on an (in, out) matrix swaps the fans.\n")
        .append("- **DL4J's LECUN_UNIFORM bound is 3 / sqrt(fan_in)**, not Keras's sqrt(3 / fan_in): 1.73 times ")
        .append("wider, three times the variance (the same holds for `VAR_SCALING_UNIFORM_*`). Its Keras importer ")
        .append("also ignores VarianceScaling's `scale`.\n")
        .append("- **Keras 2.0-2.1 and tfjs** divide by no correction factor, so their truncated normals come out ")
        .append("0.88 times narrower than the article's.\n\n");
  }

  private static double std(double[] w) {
    double mean = 0;
    for (double v : w) {
      mean += v;
    }
    mean /= w.length;
    double sq = 0;
    for (double v : w) {
      sq += (v - mean) * (v - mean);
    }
    return Math.sqrt(sq / w.length);
  }

  private static double min(double[] w) {
    double m = Double.POSITIVE_INFINITY;
    for (double v : w) {
      m = Math.min(m, v);
    }
    return m;
  }

  private static double max(double[] w) {
    double m = Double.NEGATIVE_INFINITY;
    for (double v : w) {
      m = Math.max(m, v);
    }
    return m;
  }

  static String fmt(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.4f", v);
  }

  private static String sci(double v) {
    return String.format(Locale.ROOT, "%.3g", v);
  }
}
