package dev.lamina.init;

import dev.lamina.random.Rng;
import dev.lamina.spec.Names;
import dev.lamina.spec.SpecException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The general fan-based scheme behind Glorot, He and LeCun: weights with variance
 * {@code s = scale / max(1, n)}, where {@code n} is the fan chosen by {@code mode}.
 *
 * <p>Exactly Keras 3's (and tf.keras 2's) {@code VarianceScaling} ({@code variance_scaling}), with
 * its defaults {@code scale=1.0, mode="fan_in", distribution="truncated_normal"}:
 * <ul>
 *   <li>{@code mode}: {@code fan_in} ({@link Fans#fanIn()}, keeps the forward signal's variance),
 *       {@code fan_out} (keeps the backward gradient's variance) or {@code fan_avg}
 *       ({@code (fan_in + fan_out) / 2}, Glorot and Bengio's compromise).</li>
 *   <li>{@code truncated_normal}: N(0, sigma^2) cut at +-2 sigma (redrawn), with
 *       {@code sigma = sqrt(s) / }{@link #TRUNCATED_STD_RATIO}, so the values' actual standard
 *       deviation is {@code sqrt(s)}; no value exceeds {@code 2 sigma = 2.2737 sqrt(s)}.</li>
 *   <li>{@code untruncated_normal}: N(0, s).</li>
 *   <li>{@code uniform}: U[-sqrt(3 s), sqrt(3 s)) (a uniform of half-width L has variance
 *       {@code L^2 / 3}).</li>
 * </ul>
 * The distribution string is lower-cased and {@code "normal"} means {@code truncated_normal}, as in
 * Keras; the mode must be spelled exactly; {@code scale <= 0} is an error. PyTorch's counterparts
 * are {@code kaiming_*_} and {@code xavier_*_}, whose normals are untruncated and which take a gain
 * ({@code scale = gain^2}) and read fans from a transposed {@code (out, in)} weight. Reference:
 * He, Zhang, Ren and Sun, "Delving Deep into Rectifiers", ICCV 2015, section 2.2.
 *
 * @param scale the variance numerator, &gt; 0 (1 for Glorot and LeCun, 2 for He)
 * @param mode which fan divides the scale
 * @param distribution the shape of the distribution
 * @param seed this initializer's own seed, or null to use the one derived for the parameter
 */
public record VarianceScaling(double scale, Mode mode, Distribution distribution, Long seed)
    implements Initializer {
  /** Canonical name. */
  public static final String NAME = "variance_scaling";
  /** Keras's default scale. */
  public static final double DEFAULT_SCALE = 1.0;
  /** Keras's default mode. */
  public static final Mode DEFAULT_MODE = Mode.FAN_IN;
  /** Keras's default distribution. */
  public static final Distribution DEFAULT_DISTRIBUTION = Distribution.TRUNCATED_NORMAL;

  /**
   * The standard deviation of a standard normal truncated to [-2, 2]:
   * {@code sqrt(1 - 4 phi(2) / (2 Phi(2) - 1)) = 0.87962566103423978} (Keras's source cites
   * {@code scipy.stats.truncnorm.std(a=-2, b=2)}). Cutting the tails at 2 sigma shrinks the standard
   * deviation by this factor, so the truncated-normal schemes divide their sigma by it to hit the
   * intended variance. Keras 2.0 and 2.1, tfjs and DL4J omit the correction and produce weights
   * about 0.88 times too small.
   */
  public static final double TRUNCATED_STD_RATIO = 0.87962566103423978;

  /** Where a truncated normal is cut, in standard deviations before truncation. */
  public static final double TRUNCATION_SIGMAS = 2.0;

  /** Which fan divides the scale; {@link #kerasName()} is the string Keras takes. */
  public enum Mode {
    /** The number of inputs of each unit. */
    FAN_IN("fan_in"),
    /** The number of units each input feeds. */
    FAN_OUT("fan_out"),
    /** The mean of the two. */
    FAN_AVG("fan_avg");

    private final String kerasName;

    Mode(String kerasName) {
      this.kerasName = kerasName;
    }

    /** The Keras spelling, for example {@code fan_in}. */
    public String kerasName() {
      return kerasName;
    }

    /** The fan this mode picks. */
    public double of(Fans fans) {
      return switch (this) {
        case FAN_IN -> fans.fanIn();
        case FAN_OUT -> fans.fanOut();
        case FAN_AVG -> fans.fanAvg();
      };
    }

    /** The mode spelled exactly {@code s} (Keras does not lower-case modes). */
    public static Mode parse(String s) {
      for (Mode m : values()) {
        if (m.kerasName.equals(s)) {
          return m;
        }
      }
      List<String> known = Arrays.stream(values()).map(Mode::kerasName).toList();
      throw new SpecException("mode", NAME + " mode must be one of " + known + ", got '" + s + "'."
          + Names.didYouMean(String.valueOf(s), known));
    }
  }

  /** The shape of the distribution; {@link #kerasName()} is the string Keras takes. */
  public enum Distribution {
    /** Normal cut at 2 sigma, sigma corrected so the actual std is sqrt(s). */
    TRUNCATED_NORMAL("truncated_normal"),
    /** Plain normal with std sqrt(s). */
    UNTRUNCATED_NORMAL("untruncated_normal"),
    /** Uniform on [-sqrt(3 s), sqrt(3 s)). */
    UNIFORM("uniform");

    /** Keras's legacy spelling, read as {@link #TRUNCATED_NORMAL}. */
    public static final String LEGACY_NORMAL = "normal";

    private final String kerasName;

    Distribution(String kerasName) {
      this.kerasName = kerasName;
    }

    /** The Keras spelling, for example {@code truncated_normal}. */
    public String kerasName() {
      return kerasName;
    }

    /** The distribution named {@code s}, lower-cased first; {@code "normal"} is truncated. */
    public static Distribution parse(String s) {
      String lower = s == null ? null : s.toLowerCase(Locale.ROOT);
      if (LEGACY_NORMAL.equals(lower)) {
        return TRUNCATED_NORMAL;
      }
      for (Distribution d : values()) {
        if (d.kerasName.equals(lower)) {
          return d;
        }
      }
      List<String> known = Arrays.stream(values()).map(Distribution::kerasName).toList();
      throw new SpecException("distribution", NAME + " distribution must be one of " + known
          + " (or 'normal', meaning truncated_normal), got '" + s + "'."
          + Names.didYouMean(String.valueOf(s), known));
    }
  }

  /** Validates the arguments. */
  public VarianceScaling {
    if (!(scale > 0) || Double.isInfinite(scale)) {
      throw new SpecException("scale", NAME + " scale must be a positive finite number, got " + scale
          + "; use 1 for Glorot/LeCun, 2 for He");
    }
    if (mode == null) {
      throw new SpecException("mode", NAME + " needs a mode: fan_in, fan_out or fan_avg");
    }
    if (distribution == null) {
      throw new SpecException("distribution",
          NAME + " needs a distribution: truncated_normal, untruncated_normal or uniform");
    }
  }

  /** Keras's defaults: scale 1, fan_in, truncated normal, unseeded. */
  public VarianceScaling() {
    this(DEFAULT_SCALE, DEFAULT_MODE, DEFAULT_DISTRIBUTION, null);
  }

  /** The target variance {@code s = scale / max(1, n)}. */
  public double variance(Fans fans) {
    return scale / Math.max(1.0, mode.of(fans));
  }

  /**
   * The sigma handed to the normal sampler: {@code sqrt(s) / 0.8796...} when truncated,
   * {@code sqrt(s)} when untruncated, NaN for the uniform.
   */
  public double sigmaParam(Fans fans) {
    double std = Math.sqrt(variance(fans));
    return switch (distribution) {
      case TRUNCATED_NORMAL -> std / TRUNCATED_STD_RATIO;
      case UNTRUNCATED_NORMAL -> std;
      case UNIFORM -> Double.NaN;
    };
  }

  /**
   * The bound no value reaches: {@code sqrt(3 s)} for the uniform, the cut {@code 2 sigma} for the
   * truncated normal, infinity for the untruncated normal.
   */
  public double limit(Fans fans) {
    return switch (distribution) {
      case UNIFORM -> Math.sqrt(3 * variance(fans));
      case TRUNCATED_NORMAL -> TRUNCATION_SIGMAS * sigmaParam(fans);
      case UNTRUNCATED_NORMAL -> Double.POSITIVE_INFINITY;
    };
  }

  /** {@code sqrt(s)} for every distribution (after truncation for the truncated normal). */
  @Override
  public double targetStd(Fans fans) {
    return Math.sqrt(variance(fans));
  }

  @Override
  public void fill(double[] out, int[] shape, Rng rng) {
    int n = Initializer.size(shape);
    Fans fans = Fans.of(shape);
    switch (distribution) {
      case TRUNCATED_NORMAL -> {
        double sigma = sigmaParam(fans);
        for (int i = 0; i < n; i++) {
          out[i] = rng.nextTruncatedGaussian(0, sigma);
        }
      }
      case UNTRUNCATED_NORMAL -> {
        double sigma = sigmaParam(fans);
        for (int i = 0; i < n; i++) {
          out[i] = rng.nextGaussian(0, sigma);
        }
      }
      case UNIFORM -> {
        double limit = limit(fans);
        for (int i = 0; i < n; i++) {
          out[i] = rng.nextDouble(-limit, limit);
        }
      }
    }
  }

  @Override
  public String name() {
    return NAME;
  }
}
