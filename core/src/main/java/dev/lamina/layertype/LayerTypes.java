package dev.lamina.layertype;

import dev.lamina.layer.Layer;
import dev.lamina.spec.Args;
import dev.lamina.spec.ComponentSpec;
import dev.lamina.spec.LayerSpec;
import dev.lamina.spec.Names;
import dev.lamina.spec.SpecException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The registry of layer types: the one list every front end reads. Adding a layer means writing
 * its descriptor (and its layer class when no existing one computes it) and adding it to
 * {@link #ALL}; nothing else names layer types.
 */
public final class LayerTypes {
  /** Every layer type, in the order documents and messages list them. */
  public static final List<LayerType<?>> ALL = List.of(new DenseType(), new DropoutType(), new ActivationType(),
      new LeakyReluType(), new PReluType(), new EluType(), new BatchNormalizationType(), new LayerNormalizationType(),
      new NormalizationType(), new RescalingType(), new ReluType(), new SoftmaxType(), NoiseType.GAUSSIAN_NOISE,
      NoiseType.GAUSSIAN_DROPOUT, NoiseType.ALPHA_DROPOUT, FlatType.FLATTEN, FlatType.RESHAPE);

  private LayerTypes() {}

  /** The YAML names of every type, in registry order. */
  public static List<String> names() {
    List<String> out = new ArrayList<>();
    ALL.forEach(t -> out.add(t.name()));
    return out;
  }

  /** The Keras class names of every type, in registry order. */
  public static List<String> kerasClassNames() {
    List<String> out = new ArrayList<>();
    ALL.forEach(t -> out.add(t.kerasClassName()));
    return out;
  }

  /**
   * The type a written name denotes (YAML name, Keras class name or alias, in any of the spellings
   * {@link Names#canonical} equates, ignoring underscores: {@code LeakyReLU}, {@code leaky_relu}),
   * or null.
   */
  public static LayerType<?> find(String written) {
    if (written == null) {
      return null;
    }
    String key = squash(written);
    for (LayerType<?> t : ALL) {
      if (squash(t.name()).equals(key) || squash(t.kerasClassName()).equals(key)) {
        return t;
      }
      for (String a : t.aliases()) {
        if (squash(a).equals(key)) {
          return t;
        }
      }
    }
    return null;
  }

  /** The type Keras's class name {@code kerasClass} denotes (exactly, as Keras matches), or null. */
  public static LayerType<?> forKerasClass(String kerasClass) {
    for (LayerType<?> t : ALL) {
      if (t.kerasClassName().equals(kerasClass) || t.aliases().contains(kerasClass)) {
        return t;
      }
    }
    return null;
  }

  /** The type of a spec; every spec record has one. */
  @SuppressWarnings("unchecked")
  public static <S extends LayerSpec> LayerType<S> of(S spec) {
    for (LayerType<?> t : ALL) {
      if (t.handles(spec)) {
        return (LayerType<S>) t;
      }
    }
    throw new IllegalStateException("layer spec " + spec.getClass().getSimpleName() + " has no registered LayerType;"
        + " add its descriptor to LayerTypes.ALL");
  }

  /** "unknown layer type 'x' (known types: ...). Did you mean ...?" */
  public static String unknown(String written) {
    List<String> spellings = new ArrayList<>();
    for (LayerType<?> t : ALL) {
      spellings.add(t.name());
      spellings.add(t.kerasClassName());
    }
    List<String> hits = new ArrayList<>();
    for (String c : Names.closest(written, spellings)) {
      String n = find(c).name();
      if (!hits.contains(n)) {
        hits.add(n);
      }
    }
    return "unknown layer type '" + written + "' (known types: " + String.join(", ", names()) + ")."
        + (hits.isEmpty() ? "" : " Did you mean " + String.join(", ", hits) + "?");
  }

  /** Reads a layer of {@code type} from its arguments ({@code name} included), rejecting unknown ones. */
  public static LayerSpec read(LayerType<?> type, Args args) {
    String name = args.getString("name", null);
    LayerSpec spec;
    try {
      spec = type.read(args, name);
    } catch (SpecException e) {
      // A record's own check names its argument alone ("momentum"); put it under these arguments' path.
      if (!args.path().isEmpty() && !e.path().startsWith(args.path())) {
        throw new SpecException(e.path().isEmpty() ? args.path() : args.pathOf(e.path()), e.detail());
      }
      throw e;
    }
    args.finish();
    return spec;
  }

  /** The example layer of {@code type} (see {@link LayerType#example()}). */
  public static LayerSpec example(LayerType<?> type) {
    return read(type, new Args("", type.name(), type.example()));
  }

  /** Every argument of {@code spec} (see {@link LayerType#arguments}). */
  public static Map<String, Object> arguments(LayerSpec spec) {
    return of(spec).arguments(spec);
  }

  /** The arguments that differ from their declared defaults: what a canonical file writes. */
  public static Map<String, Object> nonDefaultArguments(LayerSpec spec) {
    Map<String, Object> defaults = new LinkedHashMap<>();
    for (Args.Declared d : describe(of(spec))) {
      defaults.put(d.key(), d.defaultValue());
    }
    Map<String, Object> out = new LinkedHashMap<>();
    arguments(spec).forEach((k, v) -> {
      if (!defaults.containsKey(k) || !same(v, defaults.get(k))) {
        out.put(k, v);
      }
    });
    return out;
  }

  /** The arguments {@code type} reads, with their types and defaults ({@code name} last). */
  public static List<Args.Declared> describe(LayerType<?> type) {
    Args args = Args.describing(type.name());
    try {
      type.read(args, null);
    } catch (RuntimeException expected) {
      // A layer that cannot exist without an argument (Activation's activation) refuses to be
      // built from none; the arguments read up to there are what we came for.
    }
    args.getString("name", null);
    return args.declared();
  }

  /** Builds the layer a spec describes. */
  public static Layer build(LayerSpec spec, BuildContext context) {
    return of(spec).build(spec, context);
  }

  /** The tensors a Keras file stores for {@code spec} with {@code inputWidth} input columns. */
  public static List<WeightSlot> weights(LayerSpec spec, int inputWidth) {
    return of(spec).weights(spec, inputWidth);
  }

  /** {@code spec} with the built layer's state folded in (see {@link LayerType#withState}). */
  public static LayerSpec withState(LayerSpec spec, Layer built) {
    return of(spec).withState(spec, built);
  }

  /** The number of columns {@code spec} outputs for {@code inputWidth} input columns. */
  public static int outputWidth(LayerSpec spec, int inputWidth) {
    return of(spec).outputWidth(spec, inputWidth);
  }

  /** The summary's activation column for {@code spec}. */
  public static String summary(LayerSpec spec) {
    return of(spec).summary(spec);
  }

  private static boolean same(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return Double.compare(x.doubleValue(), y.doubleValue()) == 0;
    }
    return java.util.Objects.equals(a, b);
  }

  private static String squash(String s) {
    return Names.canonical(s).replace("_", "").toLowerCase(Locale.ROOT);
  }
}
