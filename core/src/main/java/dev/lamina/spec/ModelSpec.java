package dev.lamina.spec;

import java.util.List;

/**
 * A whole Sequential model: its layers, how it is compiled, and the seed that fixes every random
 * number of its construction and training. Both front ends (YAML and the fluent Java API) produce
 * this record and the engine builds from it.
 *
 * @param name the model's name, also the run folder's ({@code runs/<name>/}), so a plain name: at most
 *     {@value #MAX_NAME_CHARS} characters, no {@code /}, {@code \\} or control characters, not {@code .} or
 *     {@code ..}; "sequential" when null or blank
 * @param seed the seed for weights, dropout and shuffling, or null to draw one (and report it)
 * @param layers the layers in order, at least one
 * @param compile optimizer, loss and metrics, or null for an uncompiled model (inference only)
 * @param dtype the precision of the Dense products ({@link DType#FLOAT64} when null)
 */
public record ModelSpec(String name, Long seed, List<LayerSpec> layers, CompileSpec compile, DType dtype) {
  /** The longest model name: far above any real one, well below a file system's 255 bytes. */
  public static final int MAX_NAME_CHARS = 100;

  /** Validates. */
  public ModelSpec {
    name = name == null || name.isBlank() ? "sequential" : name;
    checkName(name);
    dtype = dtype == null ? DType.DEFAULT : dtype;
    if (layers == null || layers.isEmpty()) {
      throw new SpecException("layers", "a model needs at least one layer, e.g. a dense layer with units: 1");
    }
    layers = List.copyOf(layers);
    if (!(layers.get(0) instanceof DenseSpec) && layers.stream().noneMatch(l -> l instanceof DenseSpec)) {
      throw new SpecException("layers", "a model needs at least one dense layer");
    }
  }

  /** A model's name names its run folder: it must not lead anywhere else (an absolute path, "..", a sub-folder). */
  private static void checkName(String name) {
    String problem = null;
    if (name.equals(".") || name.equals("..")) {
      problem = "is not a name";
    } else if (name.indexOf('/') >= 0 || name.indexOf('\\') >= 0) {
      problem = "holds a path separator";
    } else if (name.chars().anyMatch(Character::isISOControl)) {
      problem = "holds a control character";
    } else if (name.length() > MAX_NAME_CHARS) {
      problem = "is longer than " + MAX_NAME_CHARS + " characters";
    }
    if (problem != null) {
      String shown = name.length() > 60 ? name.substring(0, 60) + "..." : name;
      throw new SpecException("name", "'" + shown.replaceAll("\\p{Cntrl}", "?") + "' " + problem + "; the name "
          + "is also the run folder's (runs/<name>/ beside the spec), so write a plain name such as churn-v2, and pass "
          + "--out DIR on the command line to write the run somewhere else");
    }
  }

  /** A model in the default precision ({@link DType#FLOAT64}). */
  public ModelSpec(String name, Long seed, List<LayerSpec> layers, CompileSpec compile) {
    this(name, seed, layers, compile, DType.DEFAULT);
  }

  /** A copy with another seed. */
  public ModelSpec withSeed(Long s) {
    return new ModelSpec(name, s, layers, compile, dtype);
  }

  /** A copy with other layers. */
  public ModelSpec withLayers(List<LayerSpec> l) {
    return new ModelSpec(name, seed, l, compile, dtype);
  }

  /** A copy with another dtype. */
  public ModelSpec withDtype(DType t) {
    return new ModelSpec(name, seed, layers, compile, t);
  }
}
