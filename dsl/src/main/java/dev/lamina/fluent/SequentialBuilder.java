package dev.lamina.fluent;

import dev.lamina.layertype.LayerType;
import dev.lamina.layertype.LayerTypes;
import dev.lamina.model.Model;
import dev.lamina.spec.Args;
import dev.lamina.spec.ActivationLayerSpec;
import dev.lamina.spec.BatchNormalizationSpec;
import dev.lamina.spec.CompileSpec;
import dev.lamina.spec.ComponentSpec;
import dev.lamina.spec.DType;
import dev.lamina.spec.DropoutSpec;
import dev.lamina.spec.EluSpec;
import dev.lamina.spec.LayerNormalizationSpec;
import dev.lamina.spec.LayerSpec;
import dev.lamina.spec.LeakyReluSpec;
import dev.lamina.spec.ModelSpec;
import dev.lamina.spec.PReluSpec;
import dev.lamina.spec.SpecException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Builds a Sequential {@link ModelSpec} layer by layer, as Keras's {@code Sequential} with
 * {@code add} and {@code compile}. Strings and typed constants ({@code Activations.RELU},
 * {@code Initializers.HE_UNIFORM}, {@code Optimizers.ADAM}, ...) are interchangeable.
 */
public final class SequentialBuilder {
  private String name;
  private Long seed;
  private DType dtype = DType.DEFAULT;
  private final List<LayerSpec> layers = new ArrayList<>();
  private CompileSpec compile;

  SequentialBuilder() {}

  /** Names the model. */
  public SequentialBuilder name(String n) {
    this.name = n;
    return this;
  }

  /** The seed that fixes weights, dropout masks and shuffling. */
  public SequentialBuilder seed(long s) {
    this.seed = s;
    return this;
  }

  /**
   * The precision of the Dense products (YAML {@code dtype}): {@link DType#FLOAT64} by default,
   * {@link DType#FLOAT32} for about twice the speed of wide layers.
   */
  public SequentialBuilder dtype(DType t) {
    this.dtype = java.util.Objects.requireNonNull(t, "dtype");
    return this;
  }

  /** Adds a Dense layer with all defaults (linear, glorot_uniform, zeros). */
  public SequentialBuilder dense(int units) {
    return dense(units, d -> d);
  }

  /** Adds a Dense layer configured by {@code config}. */
  public SequentialBuilder dense(int units, UnaryOperator<DenseBuilder> config) {
    layers.add(config.apply(new DenseBuilder(units)).build(layers.size()));
    return this;
  }

  /**
   * Adds a layer of any registered type by its YAML or Keras name, with arguments by Keras name as
   * alternating keys and values: {@code layer("batch_normalization", "momentum", 0.9)},
   * {@code layer("Rescaling", "scale", 0.5)}. The layer's descriptor reads them as the YAML reader
   * does, so unknown types and arguments are refused with a "did you mean".
   */
  public SequentialBuilder layer(String type, Object... keyValues) {
    LayerType<?> t = LayerTypes.find(type);
    if (t == null) {
      throw new SpecException("layers[" + layers.size() + "]", LayerTypes.unknown(type));
    }
    ComponentSpec args = ComponentSpec.of(t.name(), keyValues);
    String path = "layers[" + layers.size() + "]." + t.name();
    layers.add(LayerTypes.read(t, new Args(path, t.name(), args.args())));
    return this;
  }

  /** Adds Keras's {@code Dropout(rate)}. */
  public SequentialBuilder dropout(double rate) {
    layers.add(Layers.at(layers.size(), () -> new DropoutSpec(rate, null, null)));
    return this;
  }

  /** Adds Keras's {@code Activation(name)}. */
  public SequentialBuilder activation(String activation) {
    return activation(ComponentSpec.of(activation));
  }

  /** Adds Keras's {@code Activation} with a typed activation. */
  public SequentialBuilder activation(ComponentSpec activation) {
    layers.add(Layers.at(layers.size(), () -> new ActivationLayerSpec(activation, null)));
    return this;
  }

  /** Adds Keras 3's {@code LeakyReLU()} with its default slope 0.3. */
  public SequentialBuilder leakyRelu() {
    return leakyRelu(LeakyReluSpec.DEFAULT_NEGATIVE_SLOPE);
  }

  /** Adds {@code LeakyReLU(negative_slope)}. */
  public SequentialBuilder leakyRelu(double negativeSlope) {
    layers.add(Layers.at(layers.size(), () -> new LeakyReluSpec(negativeSlope, null)));
    return this;
  }

  /** Adds {@code PReLU()} with slopes initialised to zero. */
  public SequentialBuilder prelu() {
    layers.add(Layers.at(layers.size(), () -> new PReluSpec(null, null)));
    return this;
  }

  /** Adds {@code PReLU(alpha_initializer)}. */
  public SequentialBuilder prelu(ComponentSpec alphaInitializer) {
    layers.add(Layers.at(layers.size(), () -> new PReluSpec(alphaInitializer, null)));
    return this;
  }

  /** Adds {@code ELU()} with alpha 1.0. */
  public SequentialBuilder elu() {
    return elu(EluSpec.DEFAULT_ALPHA);
  }

  /** Adds {@code ELU(alpha)}. */
  public SequentialBuilder elu(double alpha) {
    layers.add(Layers.at(layers.size(), () -> new EluSpec(alpha, null)));
    return this;
  }

  /** Adds Keras's {@code BatchNormalization()} with its defaults (momentum 0.99, epsilon 0.001). */
  public SequentialBuilder batchNormalization() {
    return batchNormalization(b -> b);
  }

  /**
   * Adds {@code BatchNormalization} configured from its defaults, e.g.
   * {@code .batchNormalization(b -> b.withMomentum(0.9))}.
   */
  public SequentialBuilder batchNormalization(UnaryOperator<BatchNormalizationSpec> config) {
    layers.add(Layers.at(layers.size(), () -> config.apply(BatchNormalizationSpec.DEFAULT)));
    return this;
  }

  /** Adds Keras's {@code LayerNormalization()} with its defaults (epsilon 0.001). */
  public SequentialBuilder layerNormalization() {
    return layerNormalization(l -> l);
  }

  /** Adds {@code LayerNormalization} configured from its defaults. */
  public SequentialBuilder layerNormalization(UnaryOperator<LayerNormalizationSpec> config) {
    layers.add(Layers.at(layers.size(), () -> config.apply(LayerNormalizationSpec.DEFAULT)));
    return this;
  }

  /** Adds a layer spec as it is. */
  public SequentialBuilder add(LayerSpec layer) {
    layers.add(layer);
    return this;
  }

  /** Keras's {@code compile(optimizer, loss, metrics)} by names. */
  public SequentialBuilder compile(String optimizer, String loss, String... metrics) {
    List<ComponentSpec> ms = new ArrayList<>();
    for (String m : metrics) {
      ms.add(ComponentSpec.of(m));
    }
    return compile(ComponentSpec.of(optimizer), ComponentSpec.of(loss), ms);
  }

  /** Keras's {@code compile} with typed components (for example {@code Optimizers.adam(0.01)}). */
  public SequentialBuilder compile(ComponentSpec optimizer, ComponentSpec loss, List<ComponentSpec> metrics) {
    this.compile = new CompileSpec(optimizer, loss, metrics);
    return this;
  }

  /**
   * The compiled metrics as typed components, replacing those given to {@code compile}, for
   * example {@code .metrics(Metrics.MAE, Metrics.R2)} for a regression or
   * {@code .metrics(Metrics.ACCURACY, Metrics.AUC)} for a classifier.
   */
  public SequentialBuilder metrics(ComponentSpec... metrics) {
    if (compile == null) {
      throw new IllegalStateException("call compile(optimizer, loss) before metrics");
    }
    this.compile = new CompileSpec(compile.optimizer(), compile.loss(), List.of(metrics), compile.weightedMetrics());
    return this;
  }

  /**
   * Keras's {@code compile(..., weighted_metrics=[...])}: metrics weighted by the sample and class
   * weights, after {@link #compile(String, String, String...)}.
   */
  public SequentialBuilder weightedMetrics(String... metrics) {
    if (compile == null) {
      throw new IllegalStateException("call compile(optimizer, loss, metrics...) before weightedMetrics");
    }
    List<ComponentSpec> ms = new ArrayList<>();
    for (String m : metrics) {
      ms.add(ComponentSpec.of(m));
    }
    this.compile = new CompileSpec(compile.optimizer(), compile.loss(), compile.metrics(), ms);
    return this;
  }

  /** The immutable spec built so far. */
  public ModelSpec spec() {
    return new ModelSpec(name, seed, layers, compile, dtype);
  }

  /** Builds the model (weights initialised now when the first layer has input_dim). */
  public Model build() {
    return Model.of(spec());
  }
}
