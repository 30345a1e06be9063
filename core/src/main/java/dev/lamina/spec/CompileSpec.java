package dev.lamina.spec;

import java.util.List;

/**
 * Keras's {@code compile(optimizer, loss, metrics, weighted_metrics)}.
 *
 * <p>As in Keras 3 ({@code keras/src/trainers/compile_utils.py}, {@code CompileMetrics.update_state}),
 * {@code metrics} are updated <em>without</em> sample weights (so {@code class_weight} and
 * {@code sample_weight} do not change them), and {@code weighted_metrics} are updated with them.
 * A weighted metric whose name is already taken by an unweighted one reports as
 * {@code weighted_<name>}.
 *
 * @param optimizer the optimizer and its arguments (Keras default {@code rmsprop})
 * @param loss the loss and its arguments
 * @param metrics metrics reported per epoch, unweighted, possibly empty
 * @param weightedMetrics metrics reported per epoch and weighted by the rows' sample (and class)
 *     weights, possibly empty
 */
public record CompileSpec(ComponentSpec optimizer, ComponentSpec loss, List<ComponentSpec> metrics,
    List<ComponentSpec> weightedMetrics) {
  /** Keras's default optimizer for {@code compile()}. */
  public static final String DEFAULT_OPTIMIZER = "rmsprop";

  /** Fills in defaults and validates. */
  public CompileSpec {
    optimizer = optimizer == null ? ComponentSpec.of(DEFAULT_OPTIMIZER) : optimizer;
    if (loss == null) {
      throw new SpecException("loss", "compile needs a loss, e.g. loss: binary_crossentropy");
    }
    metrics = metrics == null ? List.of() : List.copyOf(metrics);
    weightedMetrics = weightedMetrics == null ? List.of() : List.copyOf(weightedMetrics);
  }

  /** A compile without weighted metrics. */
  public CompileSpec(ComponentSpec optimizer, ComponentSpec loss, List<ComponentSpec> metrics) {
    this(optimizer, loss, metrics, List.of());
  }
}
