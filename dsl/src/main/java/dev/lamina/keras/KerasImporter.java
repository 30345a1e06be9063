package dev.lamina.keras;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lamina.io.BoundedRead;
import dev.lamina.model.Model;
import dev.lamina.spec.SpecException;
import io.jhdf.HdfFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Imports a Keras model file into a Lamina {@link Model} with Keras's weights.
 *
 * <p>Formats, told apart by their first bytes (not by the file name):
 * <ul>
 *   <li>a zip: the {@code .keras} archive of Keras 3 and of Keras 2.13-2.15 ({@code config.json},
 *       {@code metadata.json}, {@code model.weights.h5}); {@code model.weights.npz} is refused;</li>
 *   <li>HDF5: the legacy {@code model.save("x.h5")} file of Keras 2 and 3 (root attribute
 *       {@code model_config}, group {@code model_weights});</li>
 *   <li>JSON: {@code model.to_json()}, with the weights in a separate {@code .h5} given to
 *       {@link #read(Path, Path)}.</li>
 * </ul>
 * The weights are float32 in Keras and are widened exactly to Lamina's doubles, so an imported
 * model computes what Keras computes in float64. Any problem is a {@link KerasFormatException}
 * (exit code 3) naming the file and the place.
 */
public final class KerasImporter {
  /** Largest HDF5 weights file (or archive entry) read, in bytes. */
  public static final long MAX_WEIGHTS_BYTES = 512L * 1024 * 1024;
  /** Largest {@code config.json} / {@code metadata.json} / JSON config read, in bytes. */
  public static final long MAX_CONFIG_BYTES = KerasJson.MAX_CONFIG_CHARS;
  private static final String CONFIG = "config.json";
  private static final String METADATA = "metadata.json";
  private static final String WEIGHTS = "model.weights.h5";
  private static final String NPZ = "model.weights.npz";
  private static final byte[] HDF5_SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};

  private KerasImporter() {}

  /** Imports a {@code .keras} archive or a legacy {@code .h5} model file. */
  public static KerasImport read(Path file) {
    byte[] head = head(file);
    if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
      return archive(file);
    }
    if (head.length >= 8 && Arrays.equals(Arrays.copyOf(head, 8), HDF5_SIGNATURE)) {
      return legacyH5(file);
    }
    if (head.length > 0 && firstNonSpace(head) == '{') {
      throw new KerasFormatException("Keras model " + file + " is a JSON config (model.to_json()) without weights;"
          + " give its weights file too: import " + file.getFileName() + " --weights model.weights.h5");
    }
    throw new KerasFormatException("cannot import " + file + ": it is neither a .keras archive (zip) nor an HDF5 .h5"
        + " model; Lamina imports .keras, legacy .h5, and to_json() JSON with a weights .h5");
  }

  /** Imports a {@code to_json()} config with its weights {@code .h5} (any Keras weights layout). */
  public static KerasImport read(Path configJson, Path weightsH5) {
    String text = new String(bytes(configJson, MAX_CONFIG_BYTES), StandardCharsets.UTF_8);
    JsonNode root = KerasJson.parse(text, "Keras config " + configJson);
    KerasArchitecture arch = KerasConfigReader.read(root, configJson.toString());
    byte[] h = head(weightsH5);
    if (!(h.length >= 8 && Arrays.equals(Arrays.copyOf(h, 8), HDF5_SIGNATURE))) {
      throw new KerasFormatException("cannot import Keras model " + configJson + ": weights file " + weightsH5
          + " is not HDF5; Lamina reads weights from .h5 files only (not .npz or TensorFlow checkpoints)");
    }
    double[][] w;
    byte[] weightBytes = bytes(weightsH5, MAX_WEIGHTS_BYTES);
    Hdf5Integrity.checkSuperblock(weightBytes, weightsH5.toString());
    try (HdfFile h5 = HdfFile.fromBytes(weightBytes)) {
      Hdf5Integrity.checkObjects(h5, weightBytes.length, weightsH5.toString());
      w = HdfWeights.read(h5, arch, weightsH5.toString());
    } catch (KerasFormatException e) {
      throw e;
    } catch (RuntimeException e) {
      throw unreadable(weightsH5, e);
    }
    return build(arch, w, root.path("compile_config"), "json+h5", root.path("keras_version").asText(null), configJson);
  }

  private static KerasImport archive(Path file) {
    SafeZip zip = SafeZip.open(file);
    if (!zip.has(WEIGHTS) && zip.has(NPZ)) {
      throw new KerasFormatException("cannot import Keras model " + file + ": its weights are stored as " + NPZ
          + " (NumPy); Lamina reads " + WEIGHTS + " only. Re-save the model with Keras's default weights format");
    }
    for (String need : new String[] {CONFIG, WEIGHTS}) {
      if (!zip.has(need)) {
        throw new KerasFormatException("cannot import Keras model " + file + ": the archive has no " + need
            + " (entries: " + zip.names() + "); a .keras archive holds config.json, metadata.json and " + WEIGHTS);
      }
    }
    Map<String, Long> limits = new LinkedHashMap<>();
    limits.put(METADATA, MAX_CONFIG_BYTES);
    limits.put(CONFIG, MAX_CONFIG_BYTES);
    limits.put(WEIGHTS, MAX_WEIGHTS_BYTES);
    Map<String, byte[]> entries = zip.read(limits);
    String version = null;
    if (entries.containsKey(METADATA)) {
      JsonNode meta = KerasJson.parse(new String(entries.get(METADATA), StandardCharsets.UTF_8),
          "Keras archive " + file + " " + METADATA);
      version = meta.path("keras_version").asText(null);
    }
    JsonNode root = KerasJson.parse(new String(entries.get(CONFIG), StandardCharsets.UTF_8),
        "Keras archive " + file + " " + CONFIG);
    KerasArchitecture arch = KerasConfigReader.read(root, file.toString());
    double[][] w;
    byte[] weightBytes = entries.get(WEIGHTS);
    Hdf5Integrity.checkSuperblock(weightBytes, file + " " + WEIGHTS);
    try (HdfFile h5 = HdfFile.fromBytes(weightBytes)) {
      Hdf5Integrity.checkObjects(h5, weightBytes.length, file + " " + WEIGHTS);
      w = HdfWeights.read(h5, arch, file.toString());
    } catch (KerasFormatException e) {
      throw e;
    } catch (RuntimeException e) {
      throw unreadable(file, e);
    }
    String format = version != null && version.startsWith("2.") ? "keras2-archive" : "keras3";
    return build(arch, w, root.path("compile_config"), format, version, file);
  }

  private static KerasImport legacyH5(Path file) {
    byte[] all = bytes(file, MAX_WEIGHTS_BYTES);
    Hdf5Integrity.checkSuperblock(all, file.toString());
    try (HdfFile h5 = HdfFile.fromBytes(all)) {
      Hdf5Integrity.checkObjects(h5, all.length, file.toString());
      String config = HdfWeights.stringAttribute(h5, "model_config", file.toString());
      if (config == null) {
        throw new KerasFormatException("cannot import Keras model " + file + ": this HDF5 file has no model_config"
            + " attribute, so it holds weights only; give the architecture too: import model.json --weights "
            + file.getFileName());
      }
      JsonNode root = KerasJson.parse(config, "Keras model " + file + " model_config");
      KerasArchitecture arch = KerasConfigReader.read(root, file.toString());
      double[][] w = HdfWeights.read(h5, arch, file.toString());
      String version = HdfWeights.stringAttribute(h5, "keras_version", file.toString());
      String training = HdfWeights.stringAttribute(h5, "training_config", file.toString());
      JsonNode compile = training == null ? null : KerasJson.parse(training, "Keras model " + file + " training_config");
      return build(arch, w, compile, "legacy-h5", version, file);
    } catch (KerasFormatException e) {
      throw e;
    } catch (RuntimeException e) {
      throw unreadable(file, e);
    }
  }

  private static KerasImport build(KerasArchitecture arch, double[][] weights, JsonNode compileConfig, String format,
      String version, Path file) {
    KerasCompileReader.Result compile = KerasCompileReader.read(compileConfig, arch.spec());
    dev.lamina.spec.ModelSpec spec = new dev.lamina.spec.ModelSpec(arch.spec().name(), null, arch.spec().layers(),
        compile.spec());
    Model model;
    try {
      model = Model.of(spec);
    } catch (SpecException e) {
      throw new KerasFormatException("cannot import Keras model " + file + ": " + e.getMessage(), e);
    }
    model.setWeights(byName(model, arch, weights, file));
    return new KerasImport(model, format, version, arch.modelClass(), compile.fromFile());
  }

  /**
   * The weights in the order of {@link Model#tensors()} (trainable tensors first, then state),
   * matched by name: Keras's tensor {@code role} of layer {@code name} is Lamina's {@code name/role}.
   */
  private static double[][] byName(Model model, KerasArchitecture arch, double[][] weights, Path file) {
    Map<String, double[]> byName = new LinkedHashMap<>();
    int k = 0;
    for (KerasArchitecture.WeightedLayer l : arch.weighted()) {
      for (String role : l.roles()) {
        byName.put(l.name() + "/" + role, weights[k++]);
      }
    }
    java.util.List<dev.lamina.optim.Parameter> tensors = model.tensors();
    java.util.Set<dev.lamina.optim.Parameter> trainable = new java.util.HashSet<>(model.parameters());
    double[][] out = model.weights();
    for (int i = 0; i < out.length; i++) {
      double[] v = byName.remove(tensors.get(i).name());
      if (v != null) {
        out[i] = v;
      } else if (trainable.contains(tensors.get(i))) {
        throw new KerasFormatException("cannot import Keras model " + file + ": the file holds no value for "
            + tensors.get(i).name());
      }
      // state the file keeps in the config (Normalization given its mean and variance) is already built
    }
    if (!byName.isEmpty()) {
      throw new KerasFormatException("cannot import Keras model " + file + ": the file holds weights "
          + byName.keySet() + " that no layer of the model uses");
    }
    return out;
  }

  private static KerasFormatException unreadable(Path file, RuntimeException e) {
    return new KerasFormatException("cannot import Keras model " + file + ": its HDF5 data is unreadable ("
        + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
  }

  private static byte[] head(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(8);
    } catch (NoSuchFileException e) {
      throw new KerasFormatException("Keras model file " + file + " does not exist");
    } catch (IOException e) {
      throw new KerasFormatException("could not read Keras model file " + file + ": " + e.getMessage(), e);
    }
  }

  private static int firstNonSpace(byte[] b) {
    for (byte x : b) {
      if (!Character.isWhitespace(x)) {
        return x;
      }
    }
    return -1;
  }

  private static byte[] bytes(Path file, long limit) {
    try {
      byte[] all = BoundedRead.readAtMost(file, limit);
      if (all == null) {
        throw new KerasFormatException("Keras file " + file + " is more than the " + limit + " bytes Lamina reads for it");
      }
      return all;
    } catch (NoSuchFileException e) {
      throw new KerasFormatException("Keras file " + file + " does not exist");
    } catch (IOException e) {
      throw new KerasFormatException("could not read Keras file " + file + ": " + e.getMessage(), e);
    }
  }
}
