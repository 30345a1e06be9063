package dev.lamina.init;

import dev.lamina.random.Rng;
import dev.lamina.spec.Args;
import dev.lamina.spec.ComponentSpec;
import dev.lamina.spec.Registry;
import dev.lamina.spec.SpecException;
import java.util.function.Supplier;

/**
 * Every initializer by name, and typed specs for the Java API.
 *
 * <p>{@link #REGISTRY} resolves what Keras 3 resolves: snake_case names ({@code he_uniform}), Keras
 * class names ({@code HeUniform}), the aliases {@code uniform}, {@code normal}, {@code zero},
 * {@code one}, {@code IdentityInitializer}, {@code OrthogonalInitializer}, tf.keras 2's
 * {@code *V2} class names, and tfjs camelCase ({@code heUniform}, {@code leCunNormal}). Arguments
 * use Keras's names: {@code minval, maxval, mean, stddev, value, scale, mode, distribution, gain}
 * and, on the random ones, an optional integer {@code seed} (see {@link Initializer#seed()}).
 * An unknown name or argument is a {@link SpecException} with a "did you mean".
 *
 * <p>The constants ({@link #HE_UNIFORM}, ...) and factory methods ({@link #varianceScaling}, ...)
 * build the same {@link ComponentSpec}s a YAML file would, so IDE completion lists every choice.
 */
public final class Initializers {
  private static final String MINVAL = "minval";
  private static final String MAXVAL = "maxval";
  private static final String MEAN = "mean";
  private static final String STDDEV = "stddev";
  private static final String VALUE = "value";
  private static final String SCALE = "scale";
  private static final String MODE = "mode";
  private static final String DISTRIBUTION = "distribution";
  private static final String GAIN = "gain";
  private static final String SEED = "seed";

  /** All initializers, canonical names in the order Keras documents them. */
  public static final Registry<Initializer> REGISTRY = new Registry<Initializer>("initializer")
      .register(RandomUniform.NAME, "RandomUniform", Initializers::newRandomUniform, "uniform", "RandomUniformV2")
      .register(RandomNormal.NAME, "RandomNormal", Initializers::newRandomNormal, "normal", "RandomNormalV2")
      .register(TruncatedNormal.NAME, "TruncatedNormal", Initializers::newTruncatedNormal, "TruncatedNormalV2")
      .register(Zeros.NAME, "Zeros", a -> new Zeros(), "zero", "ZerosV2")
      .register(Ones.NAME, "Ones", a -> new Ones(), "one", "OnesV2")
      .register(Constant.NAME, "Constant", Initializers::newConstant, "ConstantV2")
      .register(VarianceScaling.NAME, "VarianceScaling", Initializers::newVarianceScaling, "VarianceScalingV2")
      .register(GlorotNormal.NAME, "GlorotNormal", a -> new GlorotNormal(seed(a)), "GlorotNormalV2")
      .register(GlorotUniform.NAME, "GlorotUniform", a -> new GlorotUniform(seed(a)), "GlorotUniformV2")
      .register(HeNormal.NAME, "HeNormal", a -> new HeNormal(seed(a)), "HeNormalV2")
      .register(HeUniform.NAME, "HeUniform", a -> new HeUniform(seed(a)), "HeUniformV2")
      .register(LecunNormal.NAME, "LecunNormal", a -> new LecunNormal(seed(a)),
          "LecunNormalV2", "leCunNormal", "LeCunNormal")
      .register(LecunUniform.NAME, "LecunUniform", a -> new LecunUniform(seed(a)),
          "LecunUniformV2", "leCunUniform", "LeCunUniform")
      .register(Orthogonal.NAME, "Orthogonal", Initializers::newOrthogonal, "OrthogonalInitializer", "OrthogonalV2")
      .register(Identity.NAME, "Identity", Initializers::newIdentity, "IdentityInitializer", "IdentityV2")
      .register(UniformFanIn.NAME, null, a -> new UniformFanIn(seed(a)))
      .register(AutoInitializer.NAME, null, a -> new AutoInitializer(seed(a)))
      .register(Lsuv.NAME, "LSUV", Initializers::newLsuv);

  /** {@code random_uniform}, U[-0.05, 0.05). */
  public static final ComponentSpec RANDOM_UNIFORM = ComponentSpec.of(RandomUniform.NAME);
  /** {@code random_normal}, N(0, 0.05^2). */
  public static final ComponentSpec RANDOM_NORMAL = ComponentSpec.of(RandomNormal.NAME);
  /** {@code truncated_normal}, N(0, 0.05^2) cut at +-0.1. */
  public static final ComponentSpec TRUNCATED_NORMAL = ComponentSpec.of(TruncatedNormal.NAME);
  /** {@code zeros}. */
  public static final ComponentSpec ZEROS = ComponentSpec.of(Zeros.NAME);
  /** {@code ones}. */
  public static final ComponentSpec ONES = ComponentSpec.of(Ones.NAME);
  /** {@code constant} with value 0. */
  public static final ComponentSpec CONSTANT = ComponentSpec.of(Constant.NAME);
  /** {@code variance_scaling} with scale 1, fan_in, truncated normal (LeCun normal). */
  public static final ComponentSpec VARIANCE_SCALING = ComponentSpec.of(VarianceScaling.NAME);
  /** {@code glorot_normal}. */
  public static final ComponentSpec GLOROT_NORMAL = ComponentSpec.of(GlorotNormal.NAME);
  /** {@code glorot_uniform}, Keras's Dense kernel default. */
  public static final ComponentSpec GLOROT_UNIFORM = ComponentSpec.of(GlorotUniform.NAME);
  /** {@code he_normal}. */
  public static final ComponentSpec HE_NORMAL = ComponentSpec.of(HeNormal.NAME);
  /** {@code he_uniform}. */
  public static final ComponentSpec HE_UNIFORM = ComponentSpec.of(HeUniform.NAME);
  /** {@code lecun_normal}. */
  public static final ComponentSpec LECUN_NORMAL = ComponentSpec.of(LecunNormal.NAME);
  /** {@code lecun_uniform}. */
  public static final ComponentSpec LECUN_UNIFORM = ComponentSpec.of(LecunUniform.NAME);
  /** {@code orthogonal} with gain 1. */
  public static final ComponentSpec ORTHOGONAL = ComponentSpec.of(Orthogonal.NAME);
  /** {@code identity} with gain 1. */
  public static final ComponentSpec IDENTITY = ComponentSpec.of(Identity.NAME);
  /** {@code uniform_fan_in}, U[-1/sqrt(fan_in), 1/sqrt(fan_in)), PyTorch's Linear default. */
  public static final ComponentSpec UNIFORM_FAN_IN = ComponentSpec.of(UniformFanIn.NAME);

  /** {@code auto}: chosen per layer from its activation (see {@link AutoInitializer}). */
  public static final ComponentSpec AUTO = ComponentSpec.of(AutoInitializer.NAME);
  /** {@code lsuv} with the paper's defaults (see {@link Lsuv}). */
  public static final ComponentSpec LSUV = ComponentSpec.of(Lsuv.NAME);

  private Initializers() {}

  /** {@code lsuv} with the given tolerance, iteration limit and batch rows. */
  public static ComponentSpec lsuv(double tolerance, int maxIterations, int batch) {
    return ComponentSpec.of(Lsuv.NAME, "tolerance", tolerance, "max_iterations", maxIterations, "batch", batch);
  }

  /** Builds the initializer {@code spec} names; errors name {@code path}. */
  public static Initializer create(ComponentSpec spec, String path) {
    return REGISTRY.create(spec, path);
  }

  /** Builds the initializer {@code name} with its defaults. */
  public static Initializer create(String name) {
    return REGISTRY.create(name);
  }

  /**
   * The generator for one parameter: the initializer's own seed when it has one (as in Keras, the
   * same seed and shape then give the same values), else the stream derived from the model seed
   * and the parameter's path ({@code dense_1/kernel}).
   */
  public static Rng rngFor(Initializer initializer, long modelSeed, String parameterPath) {
    Long own = initializer.seed();
    return own != null ? new Rng(own) : Rng.forPath(modelSeed, parameterPath);
  }

  /** {@code variance_scaling} with the given scale, mode and distribution. */
  public static ComponentSpec varianceScaling(double scale, VarianceScaling.Mode mode,
      VarianceScaling.Distribution distribution) {
    return ComponentSpec.of(VarianceScaling.NAME, SCALE, scale, MODE, mode.kerasName(),
        DISTRIBUTION, distribution.kerasName());
  }

  /** {@code random_uniform} on [minval, maxval). */
  public static ComponentSpec randomUniform(double minval, double maxval) {
    return ComponentSpec.of(RandomUniform.NAME, MINVAL, minval, MAXVAL, maxval);
  }

  /** {@code random_normal} N(mean, stddev^2). */
  public static ComponentSpec randomNormal(double mean, double stddev) {
    return ComponentSpec.of(RandomNormal.NAME, MEAN, mean, STDDEV, stddev);
  }

  /** {@code truncated_normal} N(mean, stddev^2) cut at mean +- 2 stddev. */
  public static ComponentSpec truncatedNormal(double mean, double stddev) {
    return ComponentSpec.of(TruncatedNormal.NAME, MEAN, mean, STDDEV, stddev);
  }

  /** {@code constant} with the given value. */
  public static ComponentSpec constant(double value) {
    return ComponentSpec.of(Constant.NAME, VALUE, value);
  }

  /** {@code orthogonal} with the given gain. */
  public static ComponentSpec orthogonal(double gain) {
    return ComponentSpec.of(Orthogonal.NAME, GAIN, gain);
  }

  /** {@code identity} with the given gain. */
  public static ComponentSpec identity(double gain) {
    return ComponentSpec.of(Identity.NAME, GAIN, gain);
  }

  private static Initializer newRandomUniform(Args a) {
    double min = a.getDouble(MINVAL, RandomUniform.DEFAULT_MINVAL);
    double max = a.getDouble(MAXVAL, RandomUniform.DEFAULT_MAXVAL);
    Long seed = seed(a);
    return at(a, () -> new RandomUniform(min, max, seed));
  }

  private static Initializer newRandomNormal(Args a) {
    double mean = a.getDouble(MEAN, RandomNormal.DEFAULT_MEAN);
    double std = a.getDouble(STDDEV, RandomNormal.DEFAULT_STDDEV);
    Long seed = seed(a);
    return at(a, () -> new RandomNormal(mean, std, seed));
  }

  private static Initializer newTruncatedNormal(Args a) {
    double mean = a.getDouble(MEAN, TruncatedNormal.DEFAULT_MEAN);
    double std = a.getDouble(STDDEV, TruncatedNormal.DEFAULT_STDDEV);
    Long seed = seed(a);
    return at(a, () -> new TruncatedNormal(mean, std, seed));
  }

  private static Initializer newConstant(Args a) {
    double value = a.getDouble(VALUE, Constant.DEFAULT_VALUE);
    return at(a, () -> new Constant(value));
  }

  private static Initializer newVarianceScaling(Args a) {
    double scale = a.getDouble(SCALE, VarianceScaling.DEFAULT_SCALE);
    String mode = a.getString(MODE, VarianceScaling.DEFAULT_MODE.kerasName());
    String distribution = a.getString(DISTRIBUTION, VarianceScaling.DEFAULT_DISTRIBUTION.kerasName());
    Long seed = seed(a);
    return at(a, () -> new VarianceScaling(scale, VarianceScaling.Mode.parse(mode),
        VarianceScaling.Distribution.parse(distribution), seed));
  }

  private static Initializer newOrthogonal(Args a) {
    double gain = a.getDouble(GAIN, Orthogonal.DEFAULT_GAIN);
    Long seed = seed(a);
    return at(a, () -> new Orthogonal(gain, seed));
  }

  private static Initializer newIdentity(Args a) {
    double gain = a.getDouble(GAIN, Identity.DEFAULT_GAIN);
    return at(a, () -> new Identity(gain));
  }

  private static Initializer newLsuv(Args a) {
    double tol = a.getDouble("tolerance", Lsuv.DEFAULT_TOLERANCE);
    int iterations = a.getInt("max_iterations", Lsuv.DEFAULT_MAX_ITERATIONS);
    int batch = a.getInt("batch", Lsuv.DEFAULT_BATCH);
    Long seed = seed(a);
    return at(a, () -> new Lsuv(tol, iterations, batch, seed));
  }

  private static Long seed(Args a) {
    return a.getOptionalLong(SEED);
  }

  /** Runs a constructor, moving its argument-relative error path under the arguments' path. */
  private static Initializer at(Args a, Supplier<Initializer> constructor) {
    try {
      return constructor.get();
    } catch (SpecException e) {
      throw new SpecException(e.path().isEmpty() ? a.path() : a.pathOf(e.path()), e.detail());
    }
  }
}
