package dev.lamina.keras;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lamina.loss.Losses;
import dev.lamina.metric.Metrics;
import dev.lamina.model.Model;
import dev.lamina.optim.Optimizers;
import dev.lamina.spec.CompileSpec;
import dev.lamina.spec.ComponentSpec;
import dev.lamina.spec.DenseSpec;
import dev.lamina.spec.LayerSpec;
import dev.lamina.spec.ModelSpec;
import dev.lamina.spec.SpecException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps how a Keras model was compiled (Keras 3 {@code compile_config} in {@code config.json}, or
 * the legacy {@code training_config} attribute with its {@code optimizer_config}) to a
 * {@link CompileSpec}, so an imported model can keep training as it was. Only plain optimizer
 * arguments Lamina has are taken (learning-rate schedules, EMA and loss scaling are not); when
 * the file has no compile settings or they do not map, a default is derived from the output layer
 * (sigmoid: Adam + binary cross-entropy + accuracy; softmax: categorical cross-entropy; otherwise
 * mean squared error) and {@link Result#fromFile()} is false.
 */
final class KerasCompileReader {
  private static final Set<String> OPTIMIZER_ARGS = Set.of("learning_rate", "beta_1", "beta_2", "epsilon", "amsgrad",
      "momentum", "nesterov", "rho", "centered", "initial_accumulator_value", "clipnorm", "clipvalue",
      "global_clipnorm", "weight_decay");

  private KerasCompileReader() {}

  /**
   * The compile settings and whether they came from the file.
   *
   * @param spec the compile section
   * @param fromFile true when read from the file, false when derived from the output layer
   */
  record Result(CompileSpec spec, boolean fromFile) {}

  /** Maps {@code compile} (null when the file has none); {@code model} is the architecture. */
  static Result read(JsonNode compile, ModelSpec model) {
    if (compile != null && compile.isObject()) {
      try {
        CompileSpec c = map(compile);
        Model.of(new ModelSpec(model.name(), 0L, model.layers(), c));
        return new Result(c, true);
      } catch (IllegalArgumentException | ClassCastException e) {
        // falls through to the default: the file's settings are outside what Lamina trains with
      }
    }
    return new Result(fallback(model), false);
  }

  private static CompileSpec map(JsonNode c) {
    JsonNode opt = c.has("optimizer_config") ? c.path("optimizer_config") : c.path("optimizer");
    ComponentSpec optimizer;
    if (opt.isTextual()) {
      optimizer = ComponentSpec.of(Optimizers.REGISTRY.canonicalName(opt.asText(), "optimizer"));
    } else {
      Map<String, Object> args = new LinkedHashMap<>();
      opt.path("config").fields().forEachRemaining(e -> {
        JsonNode v = e.getValue();
        if (OPTIMIZER_ARGS.contains(e.getKey()) && !v.isNull()) {
          if (!v.isNumber() && !v.isBoolean()) {
            throw new SpecException("optimizer", "argument " + e.getKey() + " is not a plain value");
          }
          args.put(e.getKey(), v.isBoolean() ? (Object) v.asBoolean() : (Object) v.asDouble());
        }
      });
      optimizer = new ComponentSpec(Optimizers.REGISTRY.canonicalName(opt.path("class_name").asText(), "optimizer"), args);
    }
    JsonNode l = c.path("loss");
    ComponentSpec loss;
    if (l.isTextual()) {
      loss = ComponentSpec.of(Losses.REGISTRY.canonicalName(l.asText(), "loss"));
    } else {
      Map<String, Object> args = new LinkedHashMap<>();
      if (l.path("config").path("from_logits").asBoolean(false)) {
        args.put("from_logits", true);
      }
      double smoothing = l.path("config").path("label_smoothing").asDouble(0);
      if (smoothing != 0) {
        args.put("label_smoothing", smoothing);
      }
      loss = new ComponentSpec(Losses.REGISTRY.canonicalName(l.path("class_name").asText(), "loss"), args);
    }
    List<ComponentSpec> metrics = new ArrayList<>();
    collectMetrics(c.path("metrics"), metrics);
    return new CompileSpec(optimizer, loss, metrics);
  }

  private static void collectMetrics(JsonNode n, List<ComponentSpec> out) {
    if (n.isTextual()) {
      String name = n.asText();
      if (name.equals("accuracy") || name.equals("acc") || Metrics.REGISTRY.contains(name)) {
        out.add(ComponentSpec.of(name));
      }
    } else if (n.isArray()) {
      n.forEach(e -> collectMetrics(e, out));
    }
  }

  private static CompileSpec fallback(ModelSpec model) {
    // The output's activation: the last Dense layer's, unless an activation layer follows it.
    String act = "linear";
    for (LayerSpec l : model.layers()) {
      if (l instanceof DenseSpec d) {
        act = d.activation().name();
      } else if (l instanceof dev.lamina.spec.ActivationLayerSpec a) {
        act = a.activation().name();
      } else if (l instanceof dev.lamina.layertype.SoftmaxType.Spec) {
        act = "softmax";
      }
    }
    if (act.equals("sigmoid")) {
      return new CompileSpec(ComponentSpec.of("adam"), ComponentSpec.of("binary_crossentropy"), List.of(Metrics.ACCURACY));
    }
    if (act.equals("softmax")) {
      return new CompileSpec(ComponentSpec.of("adam"), ComponentSpec.of("categorical_crossentropy"),
          List.of(Metrics.ACCURACY));
    }
    return new CompileSpec(ComponentSpec.of("adam"), ComponentSpec.of("mean_squared_error"), List.of());
  }
}
