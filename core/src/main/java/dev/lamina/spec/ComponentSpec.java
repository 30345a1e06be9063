package dev.lamina.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A named component with its arguments, as Keras serializes it ({@code class_name} + {@code config}):
 * an initializer, activation, loss, optimizer, metric, regularizer, schedule or callback.
 *
 * <p>{@code name} is kept as the user wrote it; registries resolve it. Argument values are
 * numbers, strings, booleans, lists or nested {@code ComponentSpec}s (for example an optimizer's
 * learning-rate schedule). Immutable; argument order is kept so a spec writes back as it was read.
 *
 * @param name the component's name, for example {@code he_uniform} or {@code HeUniform}
 * @param args its arguments by Keras's argument names (snake_case), possibly empty
 */
public record ComponentSpec(String name, Map<String, Object> args) {
  /** Validates and freezes the arguments. */
  public ComponentSpec {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new SpecException("", "a component name must not be empty");
    }
    args = args == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(args));
  }

  /** A component with no arguments (all defaults). */
  public static ComponentSpec of(String name) {
    return new ComponentSpec(name, Map.of());
  }

  /** A component with arguments given as alternating keys and values. */
  public static ComponentSpec of(String name, Object... keyValues) {
    if (keyValues.length % 2 != 0) {
      throw new IllegalArgumentException("arguments must come in key, value pairs");
    }
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      m.put((String) keyValues[i], keyValues[i + 1]);
    }
    return new ComponentSpec(name, m);
  }

  /** A copy with one argument set. */
  public ComponentSpec with(String key, Object value) {
    Map<String, Object> m = new LinkedHashMap<>(args);
    m.put(key, value);
    return new ComponentSpec(name, m);
  }

  @Override
  public String toString() {
    return args.isEmpty() ? name : name + args;
  }
}
