package dev.lamina.spec;

import java.util.List;

/**
 * Keras's {@code compile(optimizer, loss, metrics)}.
 *
 * @param optimizer the optimizer and its arguments (Keras default {@code rmsprop})
 * @param loss the loss and its arguments
 * @param metrics metrics reported per epoch, possibly empty
 */
public record CompileSpec(ComponentSpec optimizer, ComponentSpec loss, List<ComponentSpec> metrics) {
  /** Keras's default optimizer for {@code compile()}. */
  public static final String DEFAULT_OPTIMIZER = "rmsprop";

  /** Fills in defaults and validates. */
  public CompileSpec {
    optimizer = optimizer == null ? ComponentSpec.of(DEFAULT_OPTIMIZER) : optimizer;
    if (loss == null) {
      throw new SpecException("loss", "compile needs a loss, e.g. loss: binary_crossentropy");
    }
    metrics = metrics == null ? List.of() : List.copyOf(metrics);
  }
}
