package dev.lamina.optim;

import dev.lamina.optim.Optimizer.Clipping;
import dev.lamina.spec.Args;
import dev.lamina.spec.ComponentSpec;
import dev.lamina.spec.Registry;
import dev.lamina.spec.SpecException;
import java.util.Locale;

/**
 * The optimizers by name, as {@code keras.optimizers.get}: {@code sgd}/{@code SGD},
 * {@code adam}/{@code Adam}, {@code adamw}/{@code AdamW}, {@code rmsprop}/{@code RMSprop},
 * {@code adagrad}/{@code Adagrad}, {@code nadam}/{@code Nadam}, in any letter case.
 *
 * <p>Every optimizer takes its own arguments (Keras names and defaults) plus the common
 * {@code learning_rate} (a number or a schedule, see {@link Schedules#toComponent}),
 * {@code clipnorm}, {@code clipvalue}, {@code global_clipnorm}, {@code weight_decay} and Keras's
 * {@code name} (accepted and ignored). Errors are {@link SpecException}s at the argument's path,
 * with "did you mean" for names.
 */
public final class Optimizers {
  private Optimizers() {}

  /** {@code sgd} with Keras's defaults. */
  public static final ComponentSpec SGD = ComponentSpec.of("sgd");
  /** {@code adam} with Keras's defaults. */
  public static final ComponentSpec ADAM = ComponentSpec.of("adam");
  /** {@code adamw} with Keras's defaults. */
  public static final ComponentSpec ADAMW = ComponentSpec.of("adamw");
  /** {@code rmsprop} with Keras's defaults (Keras's {@code compile} default). */
  public static final ComponentSpec RMSPROP = ComponentSpec.of("rmsprop");
  /** {@code adagrad} with Keras's defaults. */
  public static final ComponentSpec ADAGRAD = ComponentSpec.of("adagrad");
  /** {@code nadam} with Keras's defaults. */
  public static final ComponentSpec NADAM = ComponentSpec.of("nadam");

  /** The registry of optimizers. */
  public static final Registry<Optimizer> REGISTRY = new Registry<Optimizer>("optimizer")
      .register("sgd", "SGD", Optimizers::sgd)
      .register("adam", "Adam", Optimizers::adam)
      .register("adamw", "AdamW", Optimizers::adamw, "adam_w")
      .register("rmsprop", "RMSprop", Optimizers::rmsprop, "RMSProp", "rms_prop")
      .register("adagrad", "Adagrad", Optimizers::adagrad, "AdaGrad")
      .register("nadam", "Nadam", Optimizers::nadam, "NAdam");

  /**
   * Builds the optimizer {@code spec} describes. The name resolves in any letter case
   * ({@code ADAM}, {@code Rmsprop}); errors carry {@code path}.
   */
  public static Optimizer create(ComponentSpec spec, String path) {
    String name = spec.name();
    if (!REGISTRY.contains(name)) {
      String folded = name.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "").replace(" ", "");
      if (REGISTRY.contains(folded)) {
        return REGISTRY.create(new ComponentSpec(folded, spec.args()), path);
      }
    }
    return REGISTRY.create(spec, path);
  }

  /** Builds the optimizer by name with Keras's defaults. */
  public static Optimizer create(String name) {
    return create(ComponentSpec.of(name), "");
  }

  /** {@code sgd} with a learning rate. */
  public static ComponentSpec sgd(double learningRate) {
    return SGD.with("learning_rate", learningRate);
  }

  /** {@code sgd} with a learning rate, momentum and Nesterov flag. */
  public static ComponentSpec sgd(double learningRate, double momentum, boolean nesterov) {
    return ComponentSpec.of("sgd", "learning_rate", learningRate, "momentum", momentum, "nesterov", nesterov);
  }

  /** {@code adam} with a learning rate. */
  public static ComponentSpec adam(double learningRate) {
    return ADAM.with("learning_rate", learningRate);
  }

  /** {@code adamw} with a learning rate and weight decay. */
  public static ComponentSpec adamw(double learningRate, double weightDecay) {
    return ComponentSpec.of("adamw", "learning_rate", learningRate, "weight_decay", weightDecay);
  }

  /** {@code rmsprop} with a learning rate. */
  public static ComponentSpec rmsprop(double learningRate) {
    return RMSPROP.with("learning_rate", learningRate);
  }

  /** {@code adagrad} with a learning rate. */
  public static ComponentSpec adagrad(double learningRate) {
    return ADAGRAD.with("learning_rate", learningRate);
  }

  /** {@code nadam} with a learning rate. */
  public static ComponentSpec nadam(double learningRate) {
    return NADAM.with("learning_rate", learningRate);
  }

  /** The common arguments, read once per optimizer. */
  private record Common(double learningRate, LearningRateSchedule schedule, Clipping clipping) {}

  private static Common common(Args a, double defaultLearningRate, Double defaultWeightDecay) {
    a.getString("name", null);
    double lr = defaultLearningRate;
    LearningRateSchedule schedule = null;
    Object raw = a.raw("learning_rate");
    if (raw == null || raw instanceof Number || (raw instanceof String s && isNumber(s))) {
      lr = a.getDouble("learning_rate", defaultLearningRate);
    } else {
      String path = a.pathOf("learning_rate");
      schedule = Schedules.create(Schedules.toComponent(raw, path), path);
    }
    a.raw("learning_rate", "number or schedule"); // how the YAML reference lists it
    Double clipnorm = a.getOptionalDouble("clipnorm");
    Double clipvalue = a.getOptionalDouble("clipvalue");
    Double globalClipnorm = a.getOptionalDouble("global_clipnorm");
    Double weightDecay = a.getOptionalDouble("weight_decay", defaultWeightDecay);
    Clipping clipping = Hyper.construct(a, () -> new Clipping(clipnorm, clipvalue, globalClipnorm, weightDecay));
    return new Common(lr, schedule, clipping);
  }

  private static boolean isNumber(String s) {
    try {
      Double.parseDouble(s.trim());
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static Optimizer sgd(Args a) {
    Common c = common(a, Sgd.DEFAULT_LEARNING_RATE, null);
    double momentum = a.getDouble("momentum", Sgd.DEFAULT_MOMENTUM);
    boolean nesterov = a.getBoolean("nesterov", Sgd.DEFAULT_NESTEROV);
    return Hyper.construct(a, () -> new Sgd(c.learningRate(), c.schedule(), momentum, nesterov, c.clipping()));
  }

  private static Optimizer adam(Args a) {
    Common c = common(a, Adam.DEFAULT_LEARNING_RATE, null);
    double beta1 = a.getDouble("beta_1", Adam.DEFAULT_BETA_1);
    double beta2 = a.getDouble("beta_2", Adam.DEFAULT_BETA_2);
    double epsilon = a.getDouble("epsilon", Adam.DEFAULT_EPSILON);
    boolean amsgrad = a.getBoolean("amsgrad", Adam.DEFAULT_AMSGRAD);
    return Hyper.construct(a, () -> new Adam(c.learningRate(), c.schedule(), beta1, beta2, epsilon, amsgrad,
        c.clipping()));
  }

  private static Optimizer adamw(Args a) {
    Common c = common(a, Adam.DEFAULT_LEARNING_RATE, AdamW.DEFAULT_WEIGHT_DECAY);
    double beta1 = a.getDouble("beta_1", Adam.DEFAULT_BETA_1);
    double beta2 = a.getDouble("beta_2", Adam.DEFAULT_BETA_2);
    double epsilon = a.getDouble("epsilon", Adam.DEFAULT_EPSILON);
    boolean amsgrad = a.getBoolean("amsgrad", Adam.DEFAULT_AMSGRAD);
    return Hyper.construct(a, () -> new AdamW(c.learningRate(), c.schedule(), beta1, beta2, epsilon, amsgrad,
        c.clipping()));
  }

  private static Optimizer rmsprop(Args a) {
    Common c = common(a, RmsProp.DEFAULT_LEARNING_RATE, null);
    double rho = a.getDouble("rho", RmsProp.DEFAULT_RHO);
    double momentum = a.getDouble("momentum", RmsProp.DEFAULT_MOMENTUM);
    double epsilon = a.getDouble("epsilon", RmsProp.DEFAULT_EPSILON);
    boolean centered = a.getBoolean("centered", RmsProp.DEFAULT_CENTERED);
    return Hyper.construct(a, () -> new RmsProp(c.learningRate(), c.schedule(), rho, momentum, epsilon, centered,
        c.clipping()));
  }

  private static Optimizer adagrad(Args a) {
    Common c = common(a, Adagrad.DEFAULT_LEARNING_RATE, null);
    double initial = a.getDouble("initial_accumulator_value", Adagrad.DEFAULT_INITIAL_ACCUMULATOR_VALUE);
    double epsilon = a.getDouble("epsilon", Adagrad.DEFAULT_EPSILON);
    return Hyper.construct(a, () -> new Adagrad(c.learningRate(), c.schedule(), initial, epsilon, c.clipping()));
  }

  private static Optimizer nadam(Args a) {
    Common c = common(a, Nadam.DEFAULT_LEARNING_RATE, null);
    double beta1 = a.getDouble("beta_1", Nadam.DEFAULT_BETA_1);
    double beta2 = a.getDouble("beta_2", Nadam.DEFAULT_BETA_2);
    double epsilon = a.getDouble("epsilon", Nadam.DEFAULT_EPSILON);
    return Hyper.construct(a, () -> new Nadam(c.learningRate(), c.schedule(), beta1, beta2, epsilon, c.clipping()));
  }
}
