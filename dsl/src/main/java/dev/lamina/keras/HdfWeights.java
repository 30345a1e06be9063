package dev.lamina.keras;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Reads the weights an architecture needs from a Keras HDF5 file (through jhdf), in any of the
 * layouts Keras writes:
 * <ul>
 *   <li>Keras 3 archive weights: {@code layers/<dense|dense_1|...>/vars/0, 1, ...};</li>
 *   <li>Keras 2.13-2.15 archive weights: the same under {@code _layer_checkpoint_dependencies}
 *       (Keras 3's loader falls back to that name too);</li>
 *   <li>legacy HDF5 ({@code model.save("x.h5")}, {@code save_weights("x.h5")}): group
 *       {@code model_weights} (or the root) with attribute {@code layer_names}, one group per layer
 *       with attribute {@code weight_names} giving each dataset's path ({@code dense/kernel:0} in
 *       Keras 2, {@code sequential_2/dense_6/kernel} in Keras 3). As Keras does, layers with
 *       weights are matched in order, not by name.</li>
 * </ul>
 * Group names written on Windows by Keras 3 before 3.1 joined paths with a backslash
 * ({@code layers\dense} as one name); lookups accept both. Every dataset's shape and type are
 * checked against the config before its data is read, so a forged shape cannot allocate memory.
 */
final class HdfWeights {
  /** Largest attribute (elements) read; Keras's name lists are a few hundred at most. */
  static final long MAX_ATTRIBUTE_ELEMENTS = 100_000;

  private final String source;

  private HdfWeights(String source) {
    this.source = source;
  }

  /** The weights, one flat array per tensor, in model order (kernel, bias per Dense; alpha per PReLU). */
  static double[][] read(HdfFile h5, KerasArchitecture arch, String source) {
    HdfWeights r = new HdfWeights(source);
    try {
      return r.readAll(h5, arch);
    } catch (KerasFormatException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new KerasFormatException("cannot import Keras model " + source + ": its HDF5 weights are unreadable ("
          + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
    }
  }

  private double[][] readAll(HdfFile h5, KerasArchitecture arch) {
    Map<String, Node> top = h5.getChildren();
    if (top.containsKey("layers") || top.containsKey("_layer_checkpoint_dependencies")
        || top.keySet().stream().anyMatch(k -> k.startsWith("layers\\"))) {
      return archive(h5, arch);
    }
    Group legacy = h5;
    if (top.get("model_weights") instanceof Group g) {
      legacy = g;
    }
    if (legacy.getAttribute("layer_names") == null) {
      throw fail("its HDF5 file has neither a 'layers' group (Keras 3 layout) nor 'model_weights' / 'layer_names'"
          + " (legacy layout); root holds " + names(top));
    }
    return legacy(legacy, arch);
  }

  private double[][] archive(HdfFile h5, KerasArchitecture arch) {
    List<double[]> out = new ArrayList<>();
    for (KerasArchitecture.WeightedLayer l : arch.weighted()) {
      Node vars = find(h5, List.of("layers", l.savePath(), "vars"));
      if (vars == null) {
        vars = find(h5, List.of("_layer_checkpoint_dependencies", l.savePath(), "vars"));
      }
      if (!(vars instanceof Group g)) {
        throw fail("layer '" + l.name() + "' (" + l.kerasClass() + ") has no weights group layers/" + l.savePath()
            + "/vars in the HDF5 file");
      }
      for (int i = 0; i < l.roles().size(); i++) {
        Node d = g.getChildren().get(Integer.toString(i));
        out.add(dataset(d, l.shapes().get(i), "layers/" + l.savePath() + "/vars/" + i + " (" + l.name() + " "
            + l.roles().get(i) + ")"));
      }
      if (g.getChildren().size() != l.roles().size()) {
        throw fail("layers/" + l.savePath() + "/vars holds " + g.getChildren().size() + " weights; layer '" + l.name()
            + "' (" + l.kerasClass() + ") has " + l.roles().size() + " " + l.roles());
      }
    }
    return out.toArray(new double[0][]);
  }

  private double[][] legacy(Group g, KerasArchitecture arch) {
    String[] layerNames = strings(g, "layer_names");
    List<Group> withWeights = new ArrayList<>();
    List<String[]> weightNames = new ArrayList<>();
    for (String n : layerNames) {
      Node c = find(g, List.of(n));
      if (!(c instanceof Group lg)) {
        throw fail("layer_names lists '" + n + "' but the HDF5 file has no such group under " + g.getPath());
      }
      String[] wn = lg.getAttribute("weight_names") == null ? new String[0] : strings(lg, "weight_names");
      if (wn.length > 0) {
        withWeights.add(lg);
        weightNames.add(wn);
      }
    }
    if (withWeights.size() != arch.weighted().size()) {
      throw fail("the HDF5 file holds weights for " + withWeights.size() + " layers, the config has "
          + arch.weighted().size() + " layers with weights");
    }
    List<double[]> out = new ArrayList<>();
    for (int i = 0; i < withWeights.size(); i++) {
      KerasArchitecture.WeightedLayer l = arch.weighted().get(i);
      String[] wn = weightNames.get(i);
      if (wn.length != l.roles().size()) {
        throw fail("layer '" + withWeights.get(i).getName() + "' stores " + wn.length + " weights " + Arrays.toString(wn)
            + "; layer '" + l.name() + "' (" + l.kerasClass() + ") has " + l.roles().size() + " " + l.roles());
      }
      double[][] byRole = new double[wn.length][];
      for (int k = 0; k < wn.length; k++) {
        int role = l.roles().indexOf(leaf(wn[k]));
        int at = role >= 0 && byRole[role] == null ? role : k;
        Node d = find(withWeights.get(i), List.of(wn[k].replace('\\', '/').split("/")));
        byRole[at] = dataset(d, l.shapes().get(at), withWeights.get(i).getPath() + "/" + wn[k] + " (" + l.name() + " "
            + l.roles().get(at) + ")");
      }
      out.addAll(Arrays.asList(byRole));
    }
    return out.toArray(new double[0][]);
  }

  /** {@code sequential_2/dense_6/kernel:0} to {@code kernel}. */
  private static String leaf(String weightName) {
    String s = weightName.replace('\\', '/');
    s = s.substring(s.lastIndexOf('/') + 1);
    int colon = s.indexOf(':');
    return colon >= 0 ? s.substring(0, colon) : s;
  }

  /** Finds a path, accepting names that joined several segments with a backslash (Windows). */
  static Node find(Group g, List<String> segments) {
    if (segments.isEmpty()) {
      return g;
    }
    Map<String, Node> children = g.getChildren();
    for (int k = 1; k <= segments.size(); k++) {
      Node c = children.get(String.join("\\", segments.subList(0, k)));
      if (c == null) {
        continue;
      }
      if (k == segments.size()) {
        return c;
      }
      if (c instanceof Group cg) {
        Node r = find(cg, segments.subList(k, segments.size()));
        if (r != null) {
          return r;
        }
      }
    }
    return null;
  }

  private double[] dataset(Node n, long[] shape, String where) {
    if (!(n instanceof Dataset d)) {
      throw fail("weight " + where + " is missing from the HDF5 file");
    }
    if (d.isCompound() || d.isVariableLength()) {
      throw fail("weight " + where + " is not a numeric array");
    }
    long[] dims = d.getDimensionsAsLong();
    if (!Arrays.equals(dims, shape)) {
      throw fail("weight " + where + " has shape " + Arrays.toString(dims) + " but the config needs "
          + Arrays.toString(shape));
    }
    Class<?> t = d.getJavaType();
    boolean counter = shape.length == 0 && (t == long.class || t == int.class || t == Long.class || t == Integer.class);
    if (t != float.class && t != double.class && !counter) {
      throw fail("weight " + where + " holds " + t.getSimpleName() + " values; Keras weights are float32 or float64"
          + " (a scalar count may be an integer)");
    }
    if (shape.length == 0) {
      Object scalar = d.getData();
      if (scalar instanceof Number value) {
        return new double[] {value.doubleValue()};
      }
    }
    Object data = d.getDataFlat();
    if (data instanceof long[] l) {
      return java.util.Arrays.stream(l).asDoubleStream().toArray();
    }
    if (data instanceof int[] l) {
      return java.util.Arrays.stream(l).asDoubleStream().toArray();
    }
    if (data instanceof float[] f) {
      double[] v = new double[f.length];
      for (int i = 0; i < f.length; i++) {
        v[i] = f[i];
      }
      return v;
    }
    return ((double[]) data).clone();
  }

  private String[] strings(Node n, String name) {
    Attribute a = n.getAttribute(name);
    if (a == null) {
      throw fail("HDF5 object " + n.getPath() + " has no attribute '" + name + "'");
    }
    if (a.getSize() > MAX_ATTRIBUTE_ELEMENTS) {
      throw fail("HDF5 attribute " + n.getPath() + "@" + name + " claims " + a.getSize() + " elements; at most "
          + MAX_ATTRIBUTE_ELEMENTS + " are read");
    }
    if (a.getSize() == 0) {
      return new String[0]; // Keras stores an empty name list as an empty float64 array
    }
    Object v = a.getData();
    if (v instanceof String s) {
      return new String[] {s};
    }
    if (v instanceof String[] s) {
      return s;
    }
    if (v != null && v.getClass().isArray() && java.lang.reflect.Array.getLength(v) == 0) {
      return new String[0];
    }
    throw fail("HDF5 attribute " + n.getPath() + "@" + name + " is not a list of names");
  }

  /** Reads a string attribute (such as {@code model_config}), or null when absent. */
  static String stringAttribute(Node n, String name, String source) {
    Attribute a = n.getAttribute(name);
    if (a == null) {
      return null;
    }
    Object v = a.getData();
    if (v instanceof String s) {
      return s;
    }
    throw new KerasFormatException("cannot import Keras model " + source + ": HDF5 attribute '" + name
        + "' is not a string");
  }

  private static String names(Map<String, Node> children) {
    List<String> n = new ArrayList<>(children.keySet());
    return n.size() > 20 ? n.subList(0, 20) + "..." : n.toString();
  }

  private KerasFormatException fail(String why) {
    return new KerasFormatException("cannot import Keras model " + source + ": " + why);
  }
}
