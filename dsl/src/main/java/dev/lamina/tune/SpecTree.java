package dev.lamina.tune;

import dev.lamina.runspec.RunSpec;
import dev.lamina.spec.SpecException;
import dev.lamina.yaml.SpecReader;
import dev.lamina.yaml.SpecWriter;
import dev.lamina.yaml.KnownKeys;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;

/**
 * A spec as a tree of plain maps and lists (its canonical YAML, {@link SpecWriter}), changed one
 * setting at a time and read back through {@link SpecReader}, so a tuned spec is checked by exactly
 * the code that checks a written one.
 *
 * <p>How a {@link SpecPath} is followed: a key present in a map is taken; a map of one entry whose
 * value is a map (a layer {@code {dense: {...}}}, a component {@code {adam: {...}}}) is stepped
 * through; a bare component name ({@code optimizer: adam}) becomes {@code {adam: {...}}} when an
 * argument is set below it; a missing key of a section is created. {@code layers[*].key} sets the
 * key on every layer whose type takes it ({@code dropout} has no {@code kernel_initializer}), and
 * never the last layer's {@code activation}: the output layer keeps its own, as in the sweep.
 */
public final class SpecTree {
  private static final Map<String, List<String>> LAYER_ARGUMENTS = new ConcurrentHashMap<>();
  private final Map<String, Object> root;

  private SpecTree(Map<String, Object> root) {
    this.root = root;
  }

  /** The tree of {@code spec}. */
  @SuppressWarnings("unchecked")
  public static SpecTree of(RunSpec spec) {
    Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(SpecWriter.write(spec));
    return new SpecTree((Map<String, Object>) deepCopy(loaded));
  }

  /** A copy to change. */
  @SuppressWarnings("unchecked")
  public SpecTree copy() {
    return new SpecTree((Map<String, Object>) deepCopy(root));
  }

  /**
   * Sets {@code path} to {@code value}.
   *
   * @return the YAML paths set ({@code layers[0].dense.units}), so an error the reader raises about
   *     one of them can be blamed on the tuned setting
   * @throws SpecException (path {@code where}) when the path leads nowhere: an index past the end,
   *     a step into a number, a {@code [*]} that matches no layer
   */
  public List<String> set(SpecPath path, Object value, String where) {
    List<String> written = new ArrayList<>();
    set(root, path.steps(), 0, value, "", where, path, written);
    if (written.isEmpty()) {
      throw new SpecException(where, "'" + path + "' matches no setting of the spec: no layer takes '"
          + path.steps().get(path.steps().size() - 1) + "' (an output layer's activation is never tuned by [*])");
    }
    return written;
  }

  /** The spec the tree now describes, read (and so checked) by {@link SpecReader}. */
  public RunSpec read() {
    return SpecReader.read(yaml(), "tuned-spec").spec();
  }

  /** The tree as YAML text. */
  public String yaml() {
    DumperOptions o = new DumperOptions();
    o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    o.setWidth(1000);
    return new Yaml(new Representer(o), o).dump(root);
  }

  @SuppressWarnings("unchecked")
  private static void set(Object node, List<Object> steps, int at, Object value, String done, String where,
      SpecPath path, List<String> written) {
    Object step = steps.get(at);
    boolean last = at == steps.size() - 1;
    if (step instanceof Integer index) {
      if (!(node instanceof List<?>)) {
        throw new SpecException(where, "'" + path + "': " + done + " is not a list, so it has no item [" + (index == SpecPath.ALL
            ? "*" : index) + "]");
      }
      List<Object> list = (List<Object>) node;
      if (index == SpecPath.ALL) {
        for (int i = 0; i < list.size(); i++) {
          if (!last && done.equals("layers") && !takes(list, i, steps.subList(at + 1, steps.size()))) {
            continue;
          }
          setItem(list, i, steps, at, value, done, where, path, written, last);
        }
        return;
      }
      if (index >= list.size()) {
        throw new SpecException(where, "'" + path + "': " + done + " has " + list.size() + " items (indices 0 to "
            + (list.size() - 1) + "), so [" + index + "] does not exist");
      }
      setItem(list, index, steps, at, value, done, where, path, written, last);
      return;
    }
    String key = (String) step;
    if (!(node instanceof Map<?, ?>)) {
      throw new SpecException(where, "'" + path + "': " + (done.isEmpty() ? "the spec" : done) + " holds " + node
          + ", which has no key '" + key + "'");
    }
    Map<String, Object> map = (Map<String, Object>) node;
    if (!map.containsKey(key) && map.size() == 1 && !done.isEmpty()) {
      Map.Entry<String, Object> only = map.entrySet().iterator().next();
      if (only.getValue() == null || only.getValue() instanceof Map<?, ?>) {
        // A layer's type or a component's name: step through it to its arguments.
        if (only.getValue() == null) {
          only.setValue(new LinkedHashMap<String, Object>());
        }
        set(only.getValue(), steps, at, value, join(done, only.getKey()), where, path, written);
        return;
      }
    }
    String here = join(done, key);
    if (last) {
      map.put(key, deepCopy(value));
      written.add(here);
      return;
    }
    Object child = map.get(key);
    if (child == null) {
      child = new LinkedHashMap<String, Object>();
      map.put(key, child);
    } else if (child instanceof String name && steps.get(at + 1) instanceof String) {
      // A bare component name gets arguments: optimizer: adam -> optimizer: {adam: {learning_rate: ...}}.
      Map<String, Object> component = new LinkedHashMap<>();
      component.put(name, new LinkedHashMap<String, Object>());
      child = component;
      map.put(key, child);
    }
    set(child, steps, at + 1, value, here, where, path, written);
  }

  @SuppressWarnings("unchecked")
  private static void setItem(List<Object> list, int i, List<Object> steps, int at, Object value, String done,
      String where, SpecPath path, List<String> written, boolean last) {
    String here = done + "[" + i + "]";
    if (last) {
      list.set(i, deepCopy(value));
      written.add(here);
      return;
    }
    Object item = list.get(i);
    if (item instanceof String type && done.equals("layers")) {
      // A layer written as its type alone (- elu) gets arguments.
      Map<String, Object> layer = new LinkedHashMap<>();
      layer.put(type, new LinkedHashMap<String, Object>());
      list.set(i, layer);
      item = layer;
    }
    set(item, steps, at + 1, value, here, where, path, written);
  }

  /** Whether layer {@code i} takes the argument the rest of the path names (for {@code layers[*]}). */
  @SuppressWarnings("unchecked")
  private static boolean takes(List<Object> layers, int i, List<Object> rest) {
    if (!(rest.get(0) instanceof String key)) {
      return true;
    }
    if (key.equals("activation") && i == layers.size() - 1) {
      return false;
    }
    Object item = layers.get(i);
    String type = item instanceof String s ? s
        : item instanceof Map<?, ?> m && m.size() == 1 ? (String) m.keySet().iterator().next() : null;
    if (type == null) {
      return true;
    }
    return LAYER_ARGUMENTS.computeIfAbsent(type, KnownKeys::layerArguments).contains(key);
  }

  private static String join(String done, String key) {
    return done.isEmpty() ? key : done + "." + key;
  }

  private static Object deepCopy(Object o) {
    if (o instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, v) -> out.put(String.valueOf(k), deepCopy(v)));
      return out;
    }
    if (o instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      l.forEach(v -> out.add(deepCopy(v)));
      return out;
    }
    return o;
  }
}
