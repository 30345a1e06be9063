package dev.lamina.keras;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lamina.constraint.Constraints;
import dev.lamina.init.Initializers;
import dev.lamina.layer.Layer;
import dev.lamina.layer.Regularizer;
import dev.lamina.layertype.LayerType;
import dev.lamina.layertype.LayerTypes;
import dev.lamina.layertype.WeightSlot;
import dev.lamina.model.Model;
import dev.lamina.model.NetworkBuilder;
import dev.lamina.optim.Parameter;
import dev.lamina.report.AtomicFile;
import dev.lamina.spec.Args;
import dev.lamina.spec.ComponentSpec;
import dev.lamina.spec.LayerSpec;
import dev.lamina.spec.Names;
import dev.lamina.spec.Registry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a Lamina model in Keras's formats, as Keras 3.10 writes them:
 * <ul>
 *   <li>{@link #writeKeras}: the {@code .keras} zip with {@code metadata.json},
 *       {@code config.json} (Keras 3 serialization: {@code module}, {@code class_name},
 *       {@code config}, {@code registered_name}, {@code build_config}) and
 *       {@code model.weights.h5} ({@code layers/<dense|dense_1|...>/vars/0, 1}, each {@code vars}
 *       group with attribute {@code name}, and a root {@code vars} group naming the model);</li>
 *   <li>{@link #writeH5}: the legacy HDF5 file of {@code model.save("x.h5")} (root attributes
 *       {@code model_config}, {@code keras_version}, {@code backend}; {@code model_weights} with
 *       {@code layer_names} and per-layer {@code weight_names}).</li>
 * </ul>
 * Keras stores float32: Lamina's double weights are rounded to float32 on export (so a round
 * trip export then import gives the float32-rounded weights, bit for bit). Architecture and
 * weights are exported; the compile settings and optimizer state are not, so Keras loads the model
 * uncompiled. Anything Keras could not read back the same way (an activation with arguments, an
 * initializer Keras does not have) is refused with a {@link KerasFormatException}.
 */
public final class KerasExporter {
  /** The Keras version whose format is written (that of the real files the tests compare with). */
  public static final String KERAS_VERSION = "3.10.0";
  /** The backend named in the files. */
  public static final String BACKEND = "tensorflow";
  private static final String DTYPE = "float32";
  private static final Set<String> UNSEEDED_INITIALIZERS = Set.of("zeros", "ones", "constant", "identity");
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final DateTimeFormatter DATE_SAVED = DateTimeFormatter.ofPattern("yyyy-MM-dd@HH:mm:ss");

  private KerasExporter() {}

  /** Writes the Keras 3 {@code .keras} archive, atomically. */
  public static void writeKeras(Model model, Path file) {
    AtomicFile.write(file, kerasBytes(model));
  }

  /** Writes the legacy Keras HDF5 model file, atomically. */
  public static void writeH5(Model model, Path file) {
    AtomicFile.write(file, h5Bytes(model));
  }

  /** The {@code .keras} archive's bytes. */
  static byte[] kerasBytes(Model model) {
    requireBuilt(model);
    ObjectNode metadata = JSON.objectNode();
    metadata.put("keras_version", KERAS_VERSION);
    metadata.put("date_saved", LocalDateTime.now().format(DATE_SAVED));
    byte[] config = text(config(model, false)).getBytes(StandardCharsets.UTF_8);
    byte[] weights = archiveWeights(model);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      entry(zip, "metadata.json", text(metadata).getBytes(StandardCharsets.UTF_8));
      entry(zip, "config.json", config);
      entry(zip, "model.weights.h5", weights);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static void entry(ZipOutputStream zip, String name, byte[] data) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(data);
    zip.closeEntry();
  }

  /** The legacy {@code .h5} file's bytes. */
  static byte[] h5Bytes(Model model) {
    requireBuilt(model);
    Hdf5Writer w = new Hdf5Writer();
    w.root().stringAttribute("backend", BACKEND, true);
    w.root().stringAttribute("keras_version", KERAS_VERSION, true);
    w.root().stringAttribute("model_config", text(config(model, true)), false);
    Hdf5Writer.Group mw = w.root().group("model_weights");
    List<Layer> layers = model.layers();
    List<String> names = new ArrayList<>();
    for (Layer l : layers) {
      names.add(l.name());
    }
    mw.stringAttribute("backend", BACKEND, false);
    mw.stringAttribute("keras_version", KERAS_VERSION, false);
    mw.stringArrayAttribute("layer_names", names, false);
    String modelName = model.spec().name();
    List<Layer> sorted = new ArrayList<>(layers);
    sorted.sort((a, b) -> a.name().compareTo(b.name())); // as Keras: groups in name order
    for (Layer l : sorted) {
      Hdf5Writer.Group g = mw.group(l.name());
      List<String> weightNames = new ArrayList<>();
      for (WeightSlot slot : slots(model, l)) {
        Parameter p = tensor(l, slot);
        weightNames.add(modelName + "/" + l.name() + "/" + slot.role());
        g.group(modelName).group(l.name()).floatDataset(slot.role(), slot.shape(), float32(p.value()));
      }
      g.stringArrayAttribute("weight_names", weightNames, false);
    }
    mw.group("top_level_model_weights").stringArrayAttribute("weight_names", List.of(), false);
    return w.toBytes();
  }

  private static byte[] archiveWeights(Model model) {
    Hdf5Writer w = new Hdf5Writer();
    Hdf5Writer.Group layersGroup = w.root().group("layers");
    Map<String, Integer> counters = new HashMap<>();
    for (Layer l : model.layers()) {
      Hdf5Writer.Group vars = layersGroup.group(KerasConfigReader.savePath(l.kerasClassName(), counters)).group("vars");
      vars.stringAttribute("name", l.name(), true);
      List<WeightSlot> slots = slots(model, l);
      for (int i = 0; i < slots.size(); i++) {
        vars.floatDataset(Integer.toString(i), slots.get(i).shape(), float32(tensor(l, slots.get(i)).value()));
      }
    }
    w.root().group("vars").stringAttribute("name", model.spec().name(), true);
    return w.toBytes();
  }

  /** The tensors Keras stores for built layer {@code l}, in Keras's order (its descriptor says which). */
  private static List<WeightSlot> slots(Model model, Layer l) {
    int i = model.layers().indexOf(l);
    return LayerTypes.weights(exported(model).get(i), l.inputWidth());
  }

  /** The layer specs as written: each with its built layer's state folded in where Keras keeps it in the config. */
  private static List<LayerSpec> exported(Model model) {
    List<LayerSpec> out = new ArrayList<>();
    for (int i = 0; i < model.layers().size(); i++) {
      out.add(LayerTypes.withState(model.spec().layers().get(i), model.layers().get(i)));
    }
    return out;
  }

  /** The layer's tensor (trainable or state) named {@code <layer>/<role>}. */
  private static Parameter tensor(Layer l, WeightSlot slot) {
    String want = l.name() + "/" + slot.role();
    for (List<Parameter> ps : List.of(l.parameters(), l.state())) {
      for (Parameter p : ps) {
        if (p.name().equals(want)) {
          return p;
        }
      }
    }
    throw new IllegalStateException("layer " + l.name() + " (" + l.kerasClassName() + ") has no tensor " + want
        + " although its descriptor lists it");
  }

  private static float[] float32(double[] v) {
    float[] f = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      f[i] = (float) v[i];
    }
    return f;
  }

  /** The model config: Keras 3 serialization, or the legacy h5 flavour (no module/registered_name per layer). */
  static ObjectNode config(Model model, boolean legacy) {
    List<Layer> built = model.layers();
    List<LayerSpec> specs = exported(model);
    int input = model.inputWidth();
    ObjectNode cfg = JSON.objectNode();
    cfg.put("name", model.spec().name());
    cfg.put("trainable", true);
    cfg.set("dtype", dtypePolicy());
    ArrayNode layers = cfg.putArray("layers");
    ObjectNode in = JSON.objectNode();
    in.set("batch_shape", batchShape(input));
    in.put("dtype", DTYPE);
    in.put("sparse", false);
    in.put("ragged", false);
    in.put("name", "input_layer");
    layers.add(wrap("keras.layers", "InputLayer", in, null, legacy));
    for (int i = 0; i < specs.size(); i++) {
      Layer l = built.get(i);
      layers.add(wrap("keras.layers", l.kerasClassName(), layerConfig(specs.get(i), l), l.inputWidth(), legacy));
    }
    cfg.set("build_input_shape", batchShape(input));
    ObjectNode root = JSON.objectNode();
    if (!legacy) {
      root.put("module", "keras");
    }
    root.put("class_name", "Sequential");
    root.set("config", cfg);
    if (!legacy) {
      root.putNull("registered_name");
      ObjectNode build = root.putObject("build_config");
      build.set("input_shape", batchShape(input));
    }
    return root;
  }

  private static ObjectNode wrap(String module, String cls, ObjectNode config, Integer inputWidth, boolean legacy) {
    ObjectNode n = JSON.objectNode();
    if (!legacy) {
      n.put("module", module);
    }
    n.put("class_name", cls);
    n.set("config", config);
    if (!legacy) {
      n.putNull("registered_name");
      if (inputWidth != null) {
        n.putObject("build_config").set("input_shape", batchShape(inputWidth));
      }
    }
    return n;
  }

  /** A layer's Keras config: its descriptor's arguments, components written as Keras serializes them. */
  private static ObjectNode layerConfig(LayerSpec spec, Layer layer) {
    ObjectNode c = JSON.objectNode();
    c.put("name", layer.name());
    c.put("trainable", true);
    c.set("dtype", dtypePolicy());
    String where = "layer '" + layer.name() + "' (" + layer.kerasClassName() + ")";
    LayerType<LayerSpec> type = LayerTypes.of(spec);
    for (Map.Entry<String, Object> e : type.arguments(spec).entrySet()) {
      String k = e.getKey();
      Object v = e.getValue();
      if (type.laminaOnly().contains(k)) {
        continue;
      }
      if (k.equals("activation")) {
        c.put(k, activation((ComponentSpec) v, where));
      } else if (v instanceof ComponentSpec comp) {
        c.set(k, component(k, comp, where));
      } else {
        c.set(k, value(v));
      }
    }
    return c;
  }

  private static com.fasterxml.jackson.databind.JsonNode component(String key, ComponentSpec c, String where) {
    if (key.endsWith("_initializer")) {
      return initializer(c, where);
    }
    if (key.endsWith("_regularizer")) {
      return regularizer(c, where);
    }
    if (key.endsWith("_constraint")) {
      return constraint(c);
    }
    throw new KerasFormatException("cannot export " + where + ": its argument " + key + " = " + c
        + " has no Keras form");
  }

  private static ObjectNode constraint(ComponentSpec c) {
    Registry.Entry<?> e = Constraints.REGISTRY.entry(c.name(), "constraint");
    ObjectNode cfg = JSON.objectNode();
    for (Args.Declared d : Constraints.REGISTRY.describe(e.name())) {
      Object given = c.args().get(d.key());
      cfg.set(d.key(), value(given != null ? given : d.key().equals("axis") ? (Object) 0 : d.defaultValue()));
    }
    return wrapComponent("keras.constraints", e.kerasClassName(), cfg);
  }

  private static String activation(ComponentSpec a, String where) {
    if (a == null) {
      return "linear";
    }
    if (!a.args().isEmpty()) {
      throw new KerasFormatException("cannot export " + where + ": its activation " + a + " has arguments, which a"
          + " Keras activation name cannot carry; use a LeakyReLU or ELU layer, or the activation's defaults");
    }
    return dev.lamina.activation.Activations.REGISTRY.canonicalName(a.name(), "activation");
  }

  private static ObjectNode initializer(ComponentSpec init, String where) {
    Registry.Entry<?> e = Initializers.REGISTRY.entry(init.name(), "initializer");
    if (e.kerasClassName() == null) {
      throw new KerasFormatException("cannot export " + where + ": initializer '" + e.name() + "' has no Keras"
          + " equivalent; choose one of Keras's initializers");
    }
    ObjectNode cfg = JSON.objectNode();
    if (!UNSEEDED_INITIALIZERS.contains(e.name()) && !init.args().containsKey("seed")) {
      cfg.putNull("seed");
    }
    init.args().forEach((k, v) -> cfg.set(k, value(v)));
    return wrapComponent("keras.initializers", e.kerasClassName(), cfg);
  }

  private static com.fasterxml.jackson.databind.JsonNode value(Object v) {
    if (v == null) {
      return JSON.nullNode();
    }
    if (v instanceof List<?> list) {
      ArrayNode a = JSON.arrayNode();
      list.forEach(x -> a.add(value(x)));
      return a;
    }
    if (v instanceof Integer i) {
      return JSON.numberNode(i);
    }
    if (v instanceof Long l) {
      return JSON.numberNode(l);
    }
    if (v instanceof Number n) {
      return JSON.numberNode(n.doubleValue());
    }
    if (v instanceof Boolean b) {
      return JSON.booleanNode(b);
    }
    return JSON.textNode(v.toString());
  }

  private static com.fasterxml.jackson.databind.JsonNode regularizer(ComponentSpec r, String where) {
    if (r == null) {
      return JSON.nullNode();
    }
    Registry.Entry<?> e = Regularizer.REGISTRY.entry(r.name(), "regularizer");
    ObjectNode cfg = JSON.objectNode();
    switch (Names.canonical(e.name())) {
      case "l1" -> cfg.put("l1", number(r, "l1", 0.01));
      case "l2" -> cfg.put("l2", number(r, "l2", 0.01));
      default -> {
        cfg.put("l1", number(r, "l1", 0.0));
        cfg.put("l2", number(r, "l2", 0.0));
      }
    }
    return wrapComponent("keras.regularizers", e.kerasClassName(), cfg);
  }

  private static double number(ComponentSpec c, String key, double dflt) {
    Object v = c.args().get(key);
    return v instanceof Number n ? n.doubleValue() : dflt;
  }

  private static ObjectNode wrapComponent(String module, String cls, ObjectNode config) {
    ObjectNode n = JSON.objectNode();
    n.put("module", module);
    n.put("class_name", cls);
    n.set("config", config);
    n.putNull("registered_name");
    return n;
  }

  private static ObjectNode dtypePolicy() {
    ObjectNode cfg = JSON.objectNode();
    cfg.put("name", DTYPE);
    return wrapComponent("keras", "DTypePolicy", cfg);
  }

  private static ArrayNode batchShape(int width) {
    ArrayNode a = JSON.arrayNode();
    a.addNull();
    a.add(width);
    return a;
  }

  private static String text(ObjectNode n) {
    try {
      return KerasJson.MAPPER.writeValueAsString(n);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
  }

  private static void requireBuilt(Model model) {
    if (!model.isBuilt()) {
      throw new KerasFormatException("cannot export the model: it is not built yet (its input width is unknown);"
          + " set input_dim on the first layer or fit it first");
    }
  }
}
