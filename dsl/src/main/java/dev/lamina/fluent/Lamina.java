package dev.lamina.fluent;

import dev.lamina.model.Model;
import dev.lamina.spec.ModelSpec;

/**
 * The fluent Java entry point, reading like the article's Keras code:
 * <pre>{@code
 * Model model = Lamina.sequential()
 *     .dense(6, d -> d.activation("relu").kernelInitializer("he_uniform").inputDim(11))
 *     .dense(6, d -> d.activation("relu").kernelInitializer("he_uniform"))
 *     .dense(1, d -> d.activation("sigmoid"))
 *     .compile("adam", "binary_crossentropy", "accuracy")
 *     .seed(42)
 *     .build();
 * }</pre>
 * Every builder produces the same immutable {@link ModelSpec} that the YAML reader produces.
 */
public final class Lamina {
  private Lamina() {}

  /** A new, empty Sequential model builder. */
  public static SequentialBuilder sequential() {
    return new SequentialBuilder();
  }

  /** A new Sequential builder with a model name. */
  public static SequentialBuilder sequential(String name) {
    return new SequentialBuilder().name(name);
  }

  /** Builds a model from a spec (for example one read from YAML). */
  public static Model fromSpec(ModelSpec spec) {
    return Model.of(spec);
  }
}
