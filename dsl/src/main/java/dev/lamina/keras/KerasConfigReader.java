package dev.lamina.keras;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lamina.layer.Regularizer;
import dev.lamina.layertype.LayerType;
import dev.lamina.layertype.LayerTypes;
import dev.lamina.layertype.WeightSlot;
import dev.lamina.persist.ModelFile;
import dev.lamina.spec.Args;
import dev.lamina.spec.ComponentSpec;
import dev.lamina.spec.DenseSpec;
import dev.lamina.spec.LayerSpec;
import dev.lamina.spec.ModelSpec;
import dev.lamina.spec.SpecException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps a Keras model config (Keras 3 {@code config.json} / {@code to_json()}, Keras 2
 * {@code model_config}) to a {@link KerasArchitecture}. A fixed table maps class names to Lamina
 * layer records; nothing in the file selects a Java class. Before mapping, the whole tree is
 * scanned: a Lambda layer, a serialized lambda or function, a {@code module} outside Keras's own or a
 * custom {@code registered_name} anywhere is refused by name.
 */
final class KerasConfigReader {
  /** Keys every Keras layer config holds that say nothing about what the layer computes in Lamina. */
  private static final java.util.Set<String> BOOKKEEPING = java.util.Set.of("name", "trainable", "dtype",
      "batch_input_shape", "batch_shape", "input_shape", "input_dim");
  /** Model classes Lamina imports. */
  static final List<String> SUPPORTED_MODELS = List.of("Sequential", "Functional", "Model");
  /** Classes that carry Python code; refused wherever they appear. */
  static final Set<String> CODE_CLASSES = Set.of("Lambda", "TFOpLambda", "SlicingOpLambda", "__lambda__");
  /** Largest width a layer may declare; a dense tabular model is far below. */
  static final long MAX_WIDTH = 10_000_000L;
  private static final Set<String> FLOAT_DTYPES = Set.of("float32", "float64");

  private final String source;

  private KerasConfigReader(String source) {
    this.source = source;
  }

  /** Reads {@code root}, the model config; {@code source} names the file in messages. */
  static KerasArchitecture read(JsonNode root, String source) {
    return new KerasConfigReader(source).model(root);
  }

  private KerasArchitecture model(JsonNode root) {
    scan(root, "config");
    String cls = root.path("class_name").asText("");
    if (!SUPPORTED_MODELS.contains(cls)) {
      throw fail("the model is a '" + cls + "'; Lamina imports Sequential models and Functional models that are"
          + " a plain chain of " + String.join(", ", supportedLayers()));
    }
    JsonNode config = root.path("config");
    JsonNode layers = config.isArray() ? config : config.path("layers");
    if (!layers.isArray() || layers.isEmpty()) {
      throw fail("the model config has no layers list");
    }
    String modelName = config.isObject() ? config.path("name").asText(null) : null;
    for (int i = 0; i < layers.size(); i++) {
      String lc = layers.get(i).path("class_name").asText("");
      if (!lc.equals("InputLayer") && LayerTypes.forKerasClass(lc) == null) {
        throw unsupported("layer " + i + " '" + layerName(layers.get(i), i) + "' (" + lc + ")");
      }
    }
    if (!cls.equals("Sequential")) {
      checkChain(config, layers, modelName);
    }
    Integer width = declaredInput(root, config, layers);
    if (width == null) {
      throw fail("the model config does not say its input width (no InputLayer, batch_input_shape or"
          + " build_input_shape); build the model on data before saving it");
    }
    List<LayerSpec> specs = new ArrayList<>();
    List<KerasArchitecture.WeightedLayer> weighted = new ArrayList<>();
    Map<String, Integer> counters = new HashMap<>();
    int current = width;
    long params = 0;
    boolean firstDense = true;
    for (int i = 0; i < layers.size(); i++) {
      JsonNode layer = layers.get(i);
      String lc = layer.path("class_name").asText("");
      JsonNode c = layer.path("config");
      String name = layerName(layer, i);
      String where = "layer " + i + " '" + name + "' (" + lc + ")";
      String savePath = savePath(lc, counters);
      if (!c.isObject()) {
        throw fail(where + " has no config object");
      }
      checkDtype(c, where);
      if (lc.equals("InputLayer")) {
        if (i != 0) {
          throw fail(where + ": an InputLayer may only come first");
        }
        continue;
      }
      LayerType<?> type = LayerTypes.forKerasClass(lc);
      Map<String, Object> args = arguments(type, c, where);
      args.put("name", name);
      if (type.specClass() == DenseSpec.class && firstDense) {
        args.put("input_dim", current);
        firstDense = false;
      }
      int in = current;
      LayerSpec spec = guard(where, () -> LayerTypes.read(type, new Args("", type.name(), args)));
      List<WeightSlot> slots = LayerTypes.weights(spec, in);
      if (!slots.isEmpty()) {
        List<String> roles = new ArrayList<>();
        List<long[]> shapes = new ArrayList<>();
        for (WeightSlot w : slots) {
          roles.add(w.role());
          shapes.add(w.shape());
          params += w.size();
        }
        weighted.add(new KerasArchitecture.WeightedLayer(name, lc, savePath, roles, shapes));
      }
      specs.add(spec);
      current = LayerTypes.outputWidth(spec, in);
      if (current <= 0 || current > MAX_WIDTH) {
        throw fail(where + " outputs " + current + " columns; at most " + MAX_WIDTH + " are supported");
      }
      if (params > ModelFile.MAX_PARAMETERS) {
        throw fail("the network would have more than " + ModelFile.MAX_PARAMETERS + " parameters (at " + where
            + "); this is not a small dense model");
      }
    }
    if (firstDense) {
      throw fail("the model has no Dense layer; Lamina imports dense networks");
    }
    ModelSpec spec;
    try {
      spec = new ModelSpec(modelName, null, specs, null);
    } catch (SpecException e) {
      throw fail(e.getMessage());
    }
    return new KerasArchitecture(spec, cls.equals("Sequential") ? "Sequential" : "Functional", width, weighted);
  }

  /** Keras 3 {@code saving_lib} path element: snake_case class name plus a per-class counter. */
  static String savePath(String kerasClass, Map<String, Integer> counters) {
    String base = snake(kerasClass);
    int k = counters.merge(base, 1, Integer::sum) - 1;
    return k == 0 ? base : base + "_" + k;
  }

  /** Keras's {@code naming.to_snake_case}: {@code LeakyReLU} to {@code leaky_re_lu}. */
  static String snake(String name) {
    String s = name.replaceAll("\\W+", "");
    s = s.replaceAll("(.)([A-Z][a-z]+)", "$1_$2");
    s = s.replaceAll("([a-z])([A-Z])", "$1_$2");
    return s.toLowerCase(java.util.Locale.ROOT);
  }

  private void scan(JsonNode n, String path) {
    if (n.isArray()) {
      for (int i = 0; i < n.size(); i++) {
        scan(n.get(i), path + "[" + i + "]");
      }
      return;
    }
    if (!n.isObject()) {
      return;
    }
    JsonNode cls = n.get("class_name");
    if (cls != null && cls.isTextual()) {
      String c = cls.asText();
      String name = n.path("config").path("name").asText(n.path("name").asText(""));
      if (CODE_CLASSES.contains(c)) {
        throw fail("layer '" + name + "' (" + c + ") holds Python code; Lamina never runs code from a model file, so"
            + " Lambda layers are refused. Supported layers: " + String.join(", ", supportedLayers()));
      }
      JsonNode module = n.get("module");
      if (module != null && !module.isNull() && !kerasModule(module.asText())) {
        throw fail("'" + c + "' at " + path + " comes from module '" + module.asText() + "', which is not part of"
            + " Keras; custom objects are refused (Lamina never loads code named by a model file)");
      }
      JsonNode reg = n.get("registered_name");
      if (reg != null && !reg.isNull() && !reg.asText().equals(c)) {
        throw fail("'" + c + "' at " + path + " is the custom object '" + reg.asText() + "' (registered_name);"
            + " custom objects are refused (Lamina never loads code named by a model file)");
      }
      if (c.equals("function") || c.equals("builtins.function")) {
        if (module == null || module.isNull() || !module.asText().startsWith("keras")) {
          throw fail("a serialized Python function at " + path + " is refused; use a built-in activation by name");
        }
      }
    }
    Iterator<Map.Entry<String, JsonNode>> it = n.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      scan(e.getValue(), path + "." + e.getKey());
    }
  }

  private static boolean kerasModule(String m) {
    return m.equals("keras") || m.startsWith("keras.") || m.equals("tf_keras") || m.startsWith("tf_keras.");
  }

  private void checkDtype(JsonNode c, String where) {
    JsonNode d = c.path("dtype");
    String name = d.isTextual() ? d.asText() : d.isObject() ? d.path("config").path("name").asText(null) : null;
    if (name != null && !FLOAT_DTYPES.contains(name)) {
      throw fail(where + " computes in dtype '" + name + "'; Lamina imports float32 and float64 models");
    }
  }

  private Integer declaredInput(JsonNode root, JsonNode config, JsonNode layers) {
    JsonNode first = layers.get(0);
    JsonNode c = first.path("config");
    for (String key : List.of("batch_shape", "batch_input_shape")) {
      if (c.has(key)) {
        return batchWidth(c.path(key), "layer 0 " + key);
      }
    }
    if (c.path("shape").isArray()) {
      JsonNode s = c.path("shape");
      if (s.size() != 1) {
        throw fail("the input has shape " + s + "; Lamina imports models whose input is one row of features");
      }
      return (int) positive(s.get(0), "the InputLayer", "shape");
    }
    if (c.path("input_dim").isIntegralNumber()) {
      return (int) positive(c.path("input_dim"), "layer 0", "input_dim");
    }
    JsonNode b = first.path("build_config").path("input_shape");
    if (b.isArray()) {
      return batchWidth(b, "layer 0 build_config");
    }
    if (config.isObject() && config.path("build_input_shape").isArray()) {
      return batchWidth(config.path("build_input_shape"), "build_input_shape");
    }
    if (root.path("build_config").path("input_shape").isArray()) {
      return batchWidth(root.path("build_config").path("input_shape"), "build_config");
    }
    return null;
  }

  private int batchWidth(JsonNode shape, String what) {
    if (!shape.isArray() || shape.size() != 2) {
      throw fail("the input has shape " + shape + " (" + what + "); Lamina imports models whose input is one row of"
          + " features, shape [null, n]");
    }
    return (int) positive(shape.get(1), what, "input width");
  }

  private long positive(JsonNode n, String where, String key) {
    if (n == null || !n.isIntegralNumber() || n.asLong() <= 0 || n.asLong() > MAX_WIDTH) {
      throw fail(where + ": " + key + " must be a whole number between 1 and " + MAX_WIDTH + ", got " + n);
    }
    return n.asLong();
  }

  private ComponentSpec activation(JsonNode a, String where) {
    if (a == null || a.isMissingNode() || a.isNull()) {
      return null;
    }
    String name;
    if (a.isTextual()) {
      name = a.asText();
    } else if (a.isObject() && a.path("class_name").asText().equals("function") && a.path("config").isTextual()) {
      name = a.path("config").asText();
    } else {
      throw fail(where + " has activation " + a + "; Lamina imports activations given by name (relu, sigmoid, ...)");
    }
    if (!dev.lamina.activation.Activations.REGISTRY.contains(name)) {
      throw fail(where + " uses activation '" + name + "', which Lamina does not have. Supported: "
          + String.join(", ", dev.lamina.activation.Activations.REGISTRY.names()));
    }
    return ComponentSpec.of(dev.lamina.activation.Activations.REGISTRY.canonicalName(name, "activation"));
  }

  private ComponentSpec initializer(JsonNode n, String where, String key) {
    return canonical(component(n, where, key), dev.lamina.init.Initializers.REGISTRY, where, key);
  }

  private ComponentSpec regularizer(JsonNode n, String where, String key) {
    return canonical(component(n, where, key), dev.lamina.layer.Regularizer.REGISTRY, where, key);
  }

  private ComponentSpec canonical(ComponentSpec c, dev.lamina.spec.Registry<?> registry, String where, String key) {
    if (c == null) {
      return null;
    }
    if (!registry.contains(c.name())) {
      throw fail(where + ": " + key + " '" + c.name() + "' is not a " + registry.kind() + " Lamina has. Supported: "
          + String.join(", ", registry.names()));
    }
    return new ComponentSpec(registry.canonicalName(c.name(), key), c.args());
  }

  private ComponentSpec component(JsonNode n, String where, String key) {
    if (n == null || n.isMissingNode() || n.isNull()) {
      return null;
    }
    if (n.isTextual()) {
      return ComponentSpec.of(n.asText());
    }
    if (!n.isObject() || !n.path("class_name").isTextual()) {
      throw fail(where + ": " + key + " is " + n + ", expected {class_name, config}");
    }
    Map<String, Object> args = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> it = n.path("config").fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode v = e.getValue();
      if (v.isNull() || e.getKey().equals("dtype")) {
        continue; // null means Keras's default, and Lamina's default is the same
      }
      if (e.getKey().equals("seed") && v.isIntegralNumber()) {
        args.put("seed", v.asLong());
      } else if (v.isIntegralNumber()) {
        args.put(e.getKey(), v.canConvertToInt() ? (Object) v.asInt() : (Object) v.asLong());
      } else if (v.isNumber()) {
        args.put(e.getKey(), v.asDouble());
      } else if (v.isTextual()) {
        args.put(e.getKey(), v.asText());
      } else if (v.isBoolean()) {
        args.put(e.getKey(), v.asBoolean());
      } else {
        throw fail(where + ": " + key + " argument " + e.getKey() + " = " + v + " is not a plain value");
      }
    }
    return new ComponentSpec(n.path("class_name").asText(), args);
  }

  private void checkChain(JsonNode config, JsonNode layers, String modelName) {
    List<String> names = new ArrayList<>();
    for (JsonNode l : layers) {
      names.add(l.path("name").asText(l.path("config").path("name").asText("")));
    }
    for (int i = 0; i < layers.size(); i++) {
      JsonNode l = layers.get(i);
      List<String> from = new ArrayList<>();
      JsonNode nodes = l.path("inbound_nodes");
      if (nodes.size() > 1) {
        throw notChain(modelName, names.get(i), l, "is called " + nodes.size() + " times (shared layer)");
      }
      if (nodes.size() == 1) {
        collectInbound(nodes.get(0), from);
      }
      List<String> expected = i == 0 ? List.of() : List.of(names.get(i - 1));
      if (!from.equals(expected)) {
        throw notChain(modelName, names.get(i), l, "takes its input from " + from + " instead of "
            + (i == 0 ? "the model input" : "'" + names.get(i - 1) + "'"));
      }
    }
    List<String> ins = endpointNames(config.path("input_layers"));
    List<String> outs = endpointNames(config.path("output_layers"));
    if (!ins.equals(List.of(names.get(0))) || !outs.equals(List.of(names.get(names.size() - 1)))) {
      throw fail("Functional model '" + modelName + "' has inputs " + ins + " and outputs " + outs + "; Lamina imports"
          + " Functional models that are one straight chain from one input to one output");
    }
  }

  private KerasFormatException notChain(String model, String layer, JsonNode l, String why) {
    return fail("Functional model '" + model + "' is not a plain chain: layer '" + layer + "' ("
        + l.path("class_name").asText() + ") " + why + ". Lamina imports Functional models whose layers form one"
        + " straight chain");
  }

  /** Layer names a call node reads from: Keras 2 {@code [[name, 0, 0, {}]]}, Keras 3 {@code keras_history}. */
  private static void collectInbound(JsonNode n, List<String> out) {
    if (n.isObject()) {
      JsonNode h = n.get("keras_history");
      if (h != null && h.isArray() && h.size() > 0) {
        out.add(h.get(0).asText());
        return;
      }
      n.elements().forEachRemaining(e -> collectInbound(e, out));
    } else if (n.isArray()) {
      if (n.size() >= 3 && n.get(0).isTextual() && n.get(1).isIntegralNumber()) {
        out.add(n.get(0).asText());
        return;
      }
      n.elements().forEachRemaining(e -> collectInbound(e, out));
    }
  }

  private static List<String> endpointNames(JsonNode n) {
    List<String> out = new ArrayList<>();
    if (n.isArray() && n.size() > 0 && n.get(0).isTextual()) {
      out.add(n.get(0).asText());
    } else if (n.isArray()) {
      for (JsonNode e : n) {
        if (e.isArray() && e.size() > 0) {
          out.add(e.get(0).asText());
        }
      }
    }
    return out;
  }

  private <T> T guard(String where, java.util.function.Supplier<T> make) {
    try {
      return make.get();
    } catch (SpecException e) {
      throw fail(where + ": " + e.detail());
    }
  }

  private KerasFormatException unsupported(String where) {
    return fail(where + " is not a layer Lamina can run; Lamina imports " + String.join(", ", supportedLayers())
        + " (in Sequential models, or Functional models that are one plain chain of them)");
  }

  /** The Keras layer classes Lamina imports, from the layer registry. */
  static List<String> supportedLayers() {
    List<String> out = new ArrayList<>(List.of("InputLayer"));
    out.addAll(LayerTypes.kerasClassNames());
    return out;
  }

  private static String layerName(JsonNode layer, int i) {
    return layer.path("config").path("name").asText(layer.path("name").asText("layer_" + i));
  }

  /**
   * A layer's Keras config as arguments for its descriptor: bookkeeping keys dropped, the keys
   * Lamina only accepts at one value checked and dropped, components (initializers, regularizers,
   * constraints, activations) resolved to Lamina's canonical names.
   */
  private Map<String, Object> arguments(LayerType<?> type, JsonNode c, String where) {
    java.util.Set<String> read = new java.util.HashSet<>();
    LayerTypes.describe(type).forEach(d -> read.add(d.key()));
    Map<String, Object> fixed = type.kerasFixed();
    Map<String, Object> args = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> it = c.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String k = e.getKey();
      JsonNode v = e.getValue();
      if (BOOKKEEPING.contains(k)) {
        continue;
      }
      if (fixed.containsKey(k) && !read.contains(k)) {
        Object want = fixed.get(k);
        boolean ok = want == LayerType.ANY || v.isNull() && want == null
            || want != null && v.isValueNode() && v.asText().equals(String.valueOf(want))
            || k.equals("lora_rank") && v.isIntegralNumber() && v.asInt() == 0;
        if (!ok) {
          throw fail(where + " sets " + k + " = " + v + ", which Lamina does not support; remove it before saving"
              + " the model, or import a model without it");
        }
        continue;
      }
      args.put(k, value(k, v, where));
    }
    return args;
  }

  /** One config value as a Java value; components by the registry their key names. */
  private Object value(String key, JsonNode v, String where) {
    if (key.equals("activation")) {
      return activation(v, where);
    }
    if (v.isObject() && v.has("class_name")) {
      ComponentSpec c = component(v, where, key);
      if (key.endsWith("_initializer")) {
        return canonical(c, dev.lamina.init.Initializers.REGISTRY, where, key);
      }
      if (key.endsWith("_regularizer")) {
        return canonical(c, dev.lamina.layer.Regularizer.REGISTRY, where, key);
      }
      if (key.endsWith("_constraint")) {
        return canonical(c, dev.lamina.constraint.Constraints.REGISTRY, where, key);
      }
      throw fail(where + ": " + key + " is a " + c.name() + " object, which Lamina does not read there");
    }
    return plain(v, where + " " + key);
  }

  private Object plain(JsonNode v, String where) {
    if (v.isNull()) {
      return null;
    }
    if (v.isIntegralNumber()) {
      return v.canConvertToInt() ? (Object) v.asInt() : (Object) v.asLong();
    }
    if (v.isNumber()) {
      return v.asDouble();
    }
    if (v.isBoolean()) {
      return v.asBoolean();
    }
    if (v.isTextual()) {
      return v.asText();
    }
    if (v.isArray()) {
      List<Object> out = new ArrayList<>();
      for (JsonNode e : v) {
        out.add(plain(e, where));
      }
      return java.util.Collections.unmodifiableList(out);
    }
    throw fail(where + " = " + v + " is not a plain value");
  }

  KerasFormatException fail(String why) {
    return new KerasFormatException("cannot import Keras model " + source + ": " + why);
  }
}
