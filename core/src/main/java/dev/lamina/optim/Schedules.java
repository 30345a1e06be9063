package dev.lamina.optim;

import dev.lamina.spec.Args;
import dev.lamina.spec.ComponentSpec;
import dev.lamina.spec.Registry;
import dev.lamina.spec.SpecException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The learning-rate schedules by name, as {@code keras.optimizers.schedules}: Keras's class names
 * ({@code ExponentialDecay}) and snake_case names ({@code exponential_decay}) both resolve. Each
 * also accepts (and ignores) Keras's {@code name} argument, so a serialized Keras config reads
 * back.
 *
 * <p>An optimizer's {@code learning_rate} may be a number or a schedule given as a
 * {@link ComponentSpec}, a one-entry map {@code {ExponentialDecay: {initial_learning_rate: 0.1,
 * ...}}} or Keras's serialized form {@code {class_name: ..., config: {...}}}; see
 * {@link #toComponent}.
 */
public final class Schedules {
  private Schedules() {}

  /** The registry of schedules. */
  public static final Registry<LearningRateSchedule> REGISTRY = new Registry<LearningRateSchedule>("learning-rate schedule")
      .register("exponential_decay", "ExponentialDecay", Schedules::exponential)
      .register("piecewise_constant_decay", "PiecewiseConstantDecay", Schedules::piecewise, "piecewise_constant")
      .register("inverse_time_decay", "InverseTimeDecay", Schedules::inverseTime)
      .register("cosine_decay", "CosineDecay", Schedules::cosine)
      .register("step_decay", "StepDecay", Schedules::step);

  /** Builds the schedule {@code spec} describes; errors carry {@code path}. */
  public static LearningRateSchedule create(ComponentSpec spec, String path) {
    return REGISTRY.create(spec, path);
  }

  /** {@code ExponentialDecay(initial_learning_rate, decay_steps, decay_rate, staircase)}. */
  public static ComponentSpec exponentialDecay(double initialLearningRate, double decaySteps, double decayRate,
      boolean staircase) {
    return ComponentSpec.of("exponential_decay", "initial_learning_rate", initialLearningRate,
        "decay_steps", decaySteps, "decay_rate", decayRate, "staircase", staircase);
  }

  /** {@code PiecewiseConstantDecay(boundaries, values)}. */
  public static ComponentSpec piecewiseConstantDecay(List<? extends Number> boundaries, List<? extends Number> values) {
    return ComponentSpec.of("piecewise_constant_decay", "boundaries", List.copyOf(boundaries),
        "values", List.copyOf(values));
  }

  /** {@code InverseTimeDecay(initial_learning_rate, decay_steps, decay_rate, staircase)}. */
  public static ComponentSpec inverseTimeDecay(double initialLearningRate, double decaySteps, double decayRate,
      boolean staircase) {
    return ComponentSpec.of("inverse_time_decay", "initial_learning_rate", initialLearningRate,
        "decay_steps", decaySteps, "decay_rate", decayRate, "staircase", staircase);
  }

  /** {@code CosineDecay(initial_learning_rate, decay_steps, alpha)}. */
  public static ComponentSpec cosineDecay(double initialLearningRate, double decaySteps, double alpha) {
    return ComponentSpec.of("cosine_decay", "initial_learning_rate", initialLearningRate,
        "decay_steps", decaySteps, "alpha", alpha);
  }

  /** {@code StepDecay(initial_learning_rate, drop_every, factor)} (a Lamina convenience). */
  public static ComponentSpec stepDecay(double initialLearningRate, double dropEvery, double factor) {
    return ComponentSpec.of("step_decay", "initial_learning_rate", initialLearningRate,
        "drop_every", dropEvery, "factor", factor);
  }

  /**
   * Reads a nested schedule component: a {@link ComponentSpec}, a bare name, a one-entry map
   * {@code {name: {args}}} (args may be null for none) or Keras's serialized
   * {@code {class_name: name, config: {args}}}.
   *
   * @throws SpecException at {@code path} when {@code raw} is none of these
   */
  @SuppressWarnings("unchecked")
  public static ComponentSpec toComponent(Object raw, String path) {
    if (raw instanceof ComponentSpec c) {
      return c;
    }
    if (raw instanceof String s) {
      return ComponentSpec.of(s);
    }
    if (raw instanceof Map<?, ?> m) {
      if (m.containsKey("class_name")) {
        Object config = m.get("config");
        return new ComponentSpec(String.valueOf(m.get("class_name")),
            config instanceof Map<?, ?> cm ? (Map<String, Object>) cm : null);
      }
      if (m.size() == 1) {
        Map.Entry<?, ?> e = m.entrySet().iterator().next();
        Object args = e.getValue();
        if (args == null || args instanceof Map<?, ?>) {
          return new ComponentSpec(String.valueOf(e.getKey()), (Map<String, Object>) args);
        }
      }
    }
    throw new SpecException(path, "expected a number or a schedule such as {exponential_decay: "
        + "{initial_learning_rate: 0.01, decay_steps: 1000, decay_rate: 0.9}}, got '" + raw + "'");
  }

  private static void ignoreKerasName(Args a) {
    a.getString("name", null);
  }

  private static LearningRateSchedule exponential(Args a) {
    ignoreKerasName(a);
    double init = Hyper.required(a, "exponential_decay", "initial_learning_rate", "initial_learning_rate: 0.01");
    double steps = Hyper.required(a, "exponential_decay", "decay_steps", "decay_steps: 1000");
    double rate = Hyper.required(a, "exponential_decay", "decay_rate", "decay_rate: 0.9");
    boolean staircase = a.getBoolean("staircase", ExponentialDecay.DEFAULT_STAIRCASE);
    return Hyper.construct(a, () -> new ExponentialDecay(init, steps, rate, staircase));
  }

  private static LearningRateSchedule inverseTime(Args a) {
    ignoreKerasName(a);
    double init = Hyper.required(a, "inverse_time_decay", "initial_learning_rate", "initial_learning_rate: 0.01");
    double steps = Hyper.required(a, "inverse_time_decay", "decay_steps", "decay_steps: 1000");
    double rate = Hyper.required(a, "inverse_time_decay", "decay_rate", "decay_rate: 0.5");
    boolean staircase = a.getBoolean("staircase", InverseTimeDecay.DEFAULT_STAIRCASE);
    return Hyper.construct(a, () -> new InverseTimeDecay(init, steps, rate, staircase));
  }

  private static LearningRateSchedule cosine(Args a) {
    ignoreKerasName(a);
    double init = Hyper.required(a, "cosine_decay", "initial_learning_rate", "initial_learning_rate: 0.01");
    double steps = Hyper.required(a, "cosine_decay", "decay_steps", "decay_steps: 1000");
    double alpha = a.getDouble("alpha", CosineDecay.DEFAULT_ALPHA);
    Double warmupTarget = a.getOptionalDouble("warmup_target");
    double warmupSteps = a.getDouble("warmup_steps", CosineDecay.DEFAULT_WARMUP_STEPS);
    return Hyper.construct(a, () -> new CosineDecay(init, steps, alpha, warmupTarget, warmupSteps));
  }

  private static LearningRateSchedule step(Args a) {
    double init = Hyper.required(a, "step_decay", "initial_learning_rate", "initial_learning_rate: 0.01");
    double every = Hyper.required(a, "step_decay", "drop_every", "drop_every: 1000");
    double factor = Hyper.required(a, "step_decay", "factor", "factor: 0.5");
    return Hyper.construct(a, () -> new StepDecay(init, every, factor));
  }

  private static LearningRateSchedule piecewise(Args a) {
    ignoreKerasName(a);
    List<Double> boundaries = numbers(a, "boundaries");
    List<Double> values = numbers(a, "values");
    return Hyper.construct(a, () -> new PiecewiseConstantDecay(boundaries, values));
  }

  private static List<Double> numbers(Args a, String key) {
    Object raw = a.raw(key, "list of numbers");
    if (raw == null && a.describing()) {
      return List.of();
    }
    if (raw == null) {
      throw new SpecException(a.pathOf(key), "piecewise_constant_decay needs the argument '" + key
          + "', e.g. boundaries: [1000, 2000], values: [0.01, 0.005, 0.001]");
    }
    if (!(raw instanceof List<?> list)) {
      throw new SpecException(a.pathOf(key), key + " must be a list of numbers, got '" + raw + "'");
    }
    List<Double> out = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      Object v = list.get(i);
      if (v instanceof Number n) {
        out.add(n.doubleValue());
      } else {
        throw new SpecException(a.pathOf(key) + "[" + i + "]", key + " must be a list of numbers, got '" + v + "'");
      }
    }
    return out;
  }
}
