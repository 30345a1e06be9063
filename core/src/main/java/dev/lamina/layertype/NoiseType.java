package dev.lamina.layertype;

import dev.lamina.layer.AlphaDropout;
import dev.lamina.layer.GaussianDropout;
import dev.lamina.layer.GaussianNoise;
import dev.lamina.layer.Layer;
import dev.lamina.random.Rng;
import dev.lamina.spec.Args;
import dev.lamina.spec.LayerSpec;
import dev.lamina.spec.SpecException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The layers that add noise in training and are the identity at inference, each with one
 * amount ({@code stddev} or {@code rate}) and an optional seed: Keras's {@code GaussianNoise},
 * {@code GaussianDropout} and {@code AlphaDropout}. One descriptor class, one registered instance
 * per Keras class ({@link #GAUSSIAN_NOISE}, {@link #GAUSSIAN_DROPOUT}, {@link #ALPHA_DROPOUT}).
 */
public final class NoiseType implements LayerType<NoiseType.Spec> {
  /** Keras's {@code GaussianNoise(stddev, seed=None)}: {@code y = x + N(0, stddev^2)} in training. */
  public static final NoiseType GAUSSIAN_NOISE = new NoiseType("gaussian_noise", "GaussianNoise", "stddev",
      "y = x + N(0, stddev^2) in training; the identity at inference");
  /** Keras's {@code GaussianDropout(rate, seed=None)}: {@code y = x * N(1, rate/(1-rate))} in training. */
  public static final NoiseType GAUSSIAN_DROPOUT = new NoiseType("gaussian_dropout", "GaussianDropout", "rate",
      "y = x * N(1, rate / (1 - rate)) in training; the identity at inference");
  /** Keras's {@code AlphaDropout(rate, noise_shape=None, seed=None)} for SELU networks. */
  public static final NoiseType ALPHA_DROPOUT = new NoiseType("alpha_dropout", "AlphaDropout", "rate",
      "in training each value is kept or set to SELU's saturation -alpha*scale, then rescaled to keep mean and"
          + " variance (Klambauer et al., 2017); the identity at inference");

  /**
   * A noise layer.
   *
   * @param type the registered name ({@code gaussian_noise}, ...)
   * @param amount its {@code stddev} (&gt;= 0) or {@code rate} (in [0, 1))
   * @param seed an optional seed for the noise (otherwise derived from the model seed)
   * @param name the layer's name, or null
   */
  public record Spec(String type, double amount, Long seed, String name) implements LayerSpec {
    /** Validates the amount for its type. */
    public Spec {
      NoiseType t = of(type);
      boolean rate = t.amountKey.equals("rate");
      if (rate ? !(amount >= 0 && amount < 1) : !(amount >= 0) || Double.isInfinite(amount)) {
        throw new SpecException(t.amountKey, type + " " + t.amountKey + " must be " + (rate ? "in [0, 1)"
            : "a finite number >= 0") + ", got " + amount);
      }
    }

    @Override
    public String kerasClassName() {
      return of(type).kerasClassName;
    }
  }

  private final String name;
  private final String kerasClassName;
  private final String amountKey;
  private final String description;

  private NoiseType(String name, String kerasClassName, String amountKey, String description) {
    this.name = name;
    this.kerasClassName = kerasClassName;
    this.amountKey = amountKey;
    this.description = description;
  }

  private static NoiseType of(String type) {
    for (NoiseType t : new NoiseType[] {GAUSSIAN_NOISE, GAUSSIAN_DROPOUT, ALPHA_DROPOUT}) {
      if (t.name.equals(type)) {
        return t;
      }
    }
    throw new IllegalArgumentException("no noise layer type " + type);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String kerasClassName() {
    return kerasClassName;
  }

  @Override
  public Class<Spec> specClass() {
    return Spec.class;
  }

  @Override
  public boolean handles(LayerSpec spec) {
    return spec instanceof Spec s && s.type().equals(name);
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public Spec read(Args a, String layerName) {
    double amount = a.getRequiredDouble(amountKey, amountKey.equals("rate")
        ? "the fraction of values perturbed, e.g. rate: 0.1" : "the noise's standard deviation, e.g. stddev: 0.1");
    return new Spec(name, amount, a.getOptionalLong("seed"), layerName);
  }

  @Override
  public Map<String, Object> arguments(Spec s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(amountKey, s.amount());
    m.put("seed", s.seed());
    return m;
  }

  @Override
  public Layer build(Spec s, BuildContext c) {
    Rng rng = s.seed() != null ? new Rng(s.seed()) : Rng.forPath(c.seed(), c.name() + "/noise");
    return switch (name) {
      case "gaussian_noise" -> new GaussianNoise(c.name(), c.inputWidth(), s.amount(), rng);
      case "gaussian_dropout" -> new GaussianDropout(c.name(), c.inputWidth(), s.amount(), rng);
      case "alpha_dropout" -> new AlphaDropout(c.name(), c.inputWidth(), s.amount(), rng);
      default -> throw new IllegalStateException("no layer class for noise type " + name);
    };
  }

  @Override
  public Map<String, Object> kerasFixed() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("noise_shape", null);
    return m;
  }

  @Override
  public String summary(Spec s) {
    return String.format(Locale.ROOT, "%s %.2f", amountKey, s.amount());
  }

  @Override
  public Map<String, Object> example() {
    return Map.of(amountKey, 0.1);
  }
}
