package dev.lamina.sweep;

import dev.lamina.activation.Activations;
import dev.lamina.init.Initializers;
import dev.lamina.optim.Optimizers;
import dev.lamina.runspec.RunSpec;
import dev.lamina.spec.CompileSpec;
import dev.lamina.spec.ComponentSpec;
import dev.lamina.spec.DenseSpec;
import dev.lamina.spec.LayerSpec;
import dev.lamina.spec.ModelSpec;
import dev.lamina.spec.SpecException;
import dev.lamina.train.Fit;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies one cell's values to the base spec: {@code kernel_initializer} on every Dense layer,
 * {@code activation} on every Dense layer but the last (the output layer keeps its own),
 * {@code optimizer} by name with its defaults, {@code batch_size} and {@code epochs} on the fit.
 */
public final class SweepOverrides {
  private SweepOverrides() {}

  /** The base spec with {@code values} (one per axis) applied. */
  public static RunSpec apply(RunSpec base, List<SweepAxis> axes, List<String> values) {
    ModelSpec model = base.model();
    Fit fit = base.fit();
    for (int a = 0; a < axes.size(); a++) {
      String v = values.get(a);
      switch (axes.get(a).field()) {
        case "kernel_initializer" -> model = mapDense(model, false, d -> d.withKernelInitializer(ComponentSpec.of(v)));
        case "activation" -> model = mapDense(model, true, d -> d.withActivation(ComponentSpec.of(v)));
        case "optimizer" -> model = new ModelSpec(model.name(), model.seed(), model.layers(),
            new CompileSpec(ComponentSpec.of(v), model.compile().loss(), model.compile().metrics(),
                model.compile().weightedMetrics()), model.dtype());
        case "batch_size" -> fit = fit.batchSize(Integer.parseInt(v));
        case "epochs" -> fit = fit.withEpochs(Integer.parseInt(v));
        default -> throw new IllegalArgumentException("unsupported sweep field " + axes.get(a).field());
      }
    }
    return new RunSpec(model, base.data(), fit, base.predict());
  }

  /**
   * Checks every value of every axis before any training, so a typo fails in a second, not after
   * an hour of runs.
   *
   * @throws SpecException with the path {@code sweep.<field>[i]}
   */
  public static void validate(SweepSpec spec, RunSpec base) {
    for (SweepAxis axis : spec.axes()) {
      for (int i = 0; i < axis.values().size(); i++) {
        String v = axis.values().get(i);
        String path = "sweep." + axis.field() + "[" + i + "]";
        switch (axis.field()) {
          case "kernel_initializer" -> Initializers.REGISTRY.entry(v, path);
          case "activation" -> Activations.REGISTRY.entry(v, path);
          case "optimizer" -> {
            Optimizers.REGISTRY.entry(v, path);
            if (base.model().compile() == null) {
              throw new SpecException(path, "the spec has no compile section to change the optimizer of");
            }
          }
          case "batch_size", "epochs" -> {
            int n;
            try {
              n = Integer.parseInt(v);
            } catch (NumberFormatException e) {
              n = 0;
            }
            if (n < 1) {
              throw new SpecException(path, axis.field() + " values must be whole numbers of at least 1, got " + v);
            }
          }
          default -> throw new SpecException(path, "unsupported sweep field " + axis.field());
        }
      }
    }
  }

  private static ModelSpec mapDense(ModelSpec model, boolean hiddenOnly, java.util.function.UnaryOperator<DenseSpec> f) {
    int last = -1;
    for (int i = 0; i < model.layers().size(); i++) {
      if (model.layers().get(i) instanceof DenseSpec) {
        last = i;
      }
    }
    List<LayerSpec> layers = new ArrayList<>(model.layers());
    for (int i = 0; i < layers.size(); i++) {
      if (layers.get(i) instanceof DenseSpec d && (!hiddenOnly || i != last)) {
        layers.set(i, f.apply(d));
      }
    }
    return model.withLayers(layers);
  }
}
