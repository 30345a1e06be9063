package dev.lamina.fluent;

import dev.lamina.keras.KerasExporter;
import dev.lamina.keras.KerasImporter;
import dev.lamina.model.Model;
import dev.lamina.spec.ModelSpec;
import java.nio.file.Path;

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

  /**
   * A new {@code data:} section builder for the training CSV {@code csv} (the path a run resolves
   * against the spec's folder): {@code Lamina.data("linnerud.csv").targets("Weight", "Waist").build()}.
   */
  public static DataBuilder data(String csv) {
    return new DataBuilder(csv);
  }

  /** Builds a model from a spec (for example one read from YAML). */
  public static Model fromSpec(ModelSpec spec) {
    return Model.of(spec);
  }

  /**
   * Imports a Keras model file: a {@code .keras} archive (Keras 3 or 2.13-2.15) or a legacy
   * {@code .h5} ({@code model.save("x.h5")}), with its weights. The model comes back built and
   * uncompiled; see {@link KerasImporter} for the formats and what is refused.
   */
  public static Model importKeras(Path file) {
    return KerasImporter.read(file).model();
  }

  /**
   * Exports {@code model} as a Keras 3 {@code .keras} archive ({@code .h5} in the name writes the
   * legacy HDF5 file instead). Weights are rounded to float32, as Keras stores them.
   *
   * <p>This is a static method here rather than {@code model.exportKeras(path)} because
   * {@link Model} lives in the core module, which has no file-format code and cannot depend on
   * this module (the dependency runs core to dsl).
   */
  public static void exportKeras(Model model, Path file) {
    if (file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".h5")) {
      KerasExporter.writeH5(model, file);
    } else {
      KerasExporter.writeKeras(model, file);
    }
  }
}
