package dev.lamina.yaml;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Turns a scalar node whose tag is one of YAML's core types ({@code int}, {@code float},
 * {@code bool}) into its Java value the way SnakeYAML does ({@code 0x1A}, {@code 1_000},
 * {@code .inf}, {@code yes}), without ever touching a class named in the file: callers pass only
 * nodes whose tags {@link NodeGuard} has allowed.
 */
final class ScalarValues extends SafeConstructor {
  ScalarValues(LoaderOptions options) {
    super(options);
  }

  /** Integer, Long or BigInteger for {@code int}; Double for {@code float}; Boolean for {@code bool}. */
  Object value(ScalarNode node) {
    return constructObject(node);
  }
}
