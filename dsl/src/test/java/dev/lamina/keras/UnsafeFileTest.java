package dev.lamina.keras;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The unsafe-file corpus: mutations of the real Keras archive, each refused by {@code builder.jar
 * import} with exit code 3 and the exact message.
 */
class UnsafeFileTest {
  @TempDir
  Path dir;

  private static Map<String, byte[]> realEntries() throws Exception {
    Map<String, byte[]> m = new LinkedHashMap<>();
    try (ZipFile z = new ZipFile(RealKerasFiles.archive().toFile())) {
      for (String n : new String[] {"metadata.json", "config.json", "model.weights.h5"}) {
        m.put(n, z.getInputStream(z.getEntry(n)).readAllBytes());
      }
    }
    return m;
  }

  private static byte[] zip(Map<String, byte[]> entries) throws Exception {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(b)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        z.putNextEntry(new ZipEntry(e.getKey()));
        z.write(e.getValue());
        z.closeEntry();
      }
    }
    return b.toByteArray();
  }

  private Path write(String name, byte[] bytes) throws Exception {
    Path p = dir.resolve(name);
    Files.write(p, bytes);
    return p;
  }

  /** The real archive with its config.json changed by {@code edit}. */
  private Path withConfig(String name, Consumer<ObjectNode> edit) throws Exception {
    Map<String, byte[]> e = realEntries();
    ObjectNode cfg = (ObjectNode) KerasJson.parse(new String(e.get("config.json"), StandardCharsets.UTF_8), "cfg");
    edit.accept(cfg);
    e.put("config.json", KerasJson.MAPPER.writeValueAsBytes(cfg));
    return write(name, zip(e));
  }

  private static ArrayNode layers(ObjectNode cfg) {
    return (ArrayNode) cfg.path("config").path("layers");
  }

  private static ObjectNode layer(String module, String cls, String name) {
    ObjectNode l = KerasJson.MAPPER.createObjectNode();
    l.put("module", module);
    l.put("class_name", cls);
    l.putObject("config").put("name", name);
    l.putNull("registered_name");
    return l;
  }

  private static void refused(Path file, String message) {
    KerasCliTest.Run r = KerasCliTest.run("import", file.toString(), "--out", file.resolveSibling("out").toString());
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).isEqualTo("error: " + message + System.lineSeparator());
  }

  @Test
  void lambdaLayerIsRefusedByName() throws Exception {
    Path f = withConfig("lambda.keras", c -> {
      ObjectNode l = layer("keras.layers", "Lambda", "lambda");
      ((ObjectNode) l.path("config")).put("function", "4wEAAAAAAAAA...");
      layers(c).insert(2, l);
    });
    refused(f, "cannot import Keras model " + f + ": layer 'lambda' (Lambda) holds Python code; Lamina never runs"
        + " code from a model file, so Lambda layers are refused. Supported layers: "
        + String.join(", ", KerasConfigReader.supportedLayers()));
  }

  @Test
  void customRegisteredObjectIsRefused() throws Exception {
    Path f = withConfig("custom.keras", c -> ((ObjectNode) layers(c).get(1)).put("registered_name", "my_pkg>MyDense"));
    refused(f, "cannot import Keras model " + f + ": 'Dense' at config.config.layers[1] is the custom object"
        + " 'my_pkg>MyDense' (registered_name); custom objects are refused (Lamina never loads code named by a model file)");
  }

  @Test
  void moduleOutsideKerasIsRefused() throws Exception {
    Path f = withConfig("module.keras", c -> ((ObjectNode) layers(c).get(1).path("config").path("kernel_initializer"))
        .put("module", "evil.initializers"));
    refused(f, "cannot import Keras model " + f + ": 'GlorotUniform' at config.config.layers[1].config.kernel_initializer"
        + " comes from module 'evil.initializers', which is not part of Keras; custom objects are refused (Lamina never"
        + " loads code named by a model file)");
  }

  @Test
  void unsupportedLayerIsRefusedNamingLayerClassAndWhatIsSupported() throws Exception {
    Path f = withConfig("lstm.keras", c -> layers(c).insert(1, layer("keras.layers", "LSTM", "lstm")));
    refused(f, "cannot import Keras model " + f + ": layer 1 'lstm' (LSTM) is not a layer Lamina can run; Lamina"
        + " imports " + String.join(", ", KerasConfigReader.supportedLayers()) + " (in Sequential models, or"
        + " Functional models that are one plain chain of them)");
  }

  @Test
  void aSequenceModelIsRefusedForItsLayerBeforeItsInputShape() throws Exception {
    Path f = withConfig("conv.keras", c -> {
      ArrayNode shape = ((ObjectNode) layers(c).get(0).path("config")).putArray("batch_shape");
      shape.addNull();
      shape.add(28);
      shape.add(28);
      shape.add(1);
      layers(c).insert(1, layer("keras.layers", "Conv2D", "conv2d"));
    });
    refused(f, "cannot import Keras model " + f + ": layer 1 'conv2d' (Conv2D) is not a layer Lamina can run; Lamina"
        + " imports " + String.join(", ", KerasConfigReader.supportedLayers()) + " (in Sequential models, or"
        + " Functional models that are one plain chain of them)");
  }

  @Test
  void npzWeightsAreRefusedByName() throws Exception {
    Map<String, byte[]> e = realEntries();
    e.put("model.weights.npz", e.remove("model.weights.h5"));
    Path f = write("npz.keras", zip(e));
    refused(f, "cannot import Keras model " + f + ": its weights are stored as model.weights.npz (NumPy); Lamina reads"
        + " model.weights.h5 only. Re-save the model with Keras's default weights format");
  }

  @Test
  void duplicateEntryNamesAreRefused() throws Exception {
    Map<String, byte[]> e = realEntries();
    e.put("config.jsoX", e.get("config.json"));
    byte[] z = zip(e);
    replaceAll(z, "config.jsoX".getBytes(StandardCharsets.US_ASCII), "config.json".getBytes(StandardCharsets.US_ASCII));
    Path f = write("dup.keras", z);
    refused(f, "Keras archive " + f + " holds the entry 'config.json' twice; a zip with duplicate names is ambiguous"
        + " (tools disagree on which one counts) and is refused");
  }

  @Test
  void absoluteEntryPathIsRefused() throws Exception {
    Map<String, byte[]> e = realEntries();
    e.put("/etc/cron.d/x", new byte[] {1});
    Path f = write("abs.keras", zip(e));
    refused(f, "Keras archive " + f + " has an entry with an absolute path '/etc/cron.d/x'; archive entries must be"
        + " relative");
  }

  @Test
  void parentDirectoryEntryPathIsRefused() throws Exception {
    Map<String, byte[]> e = realEntries();
    e.put("assets/../../evil.sh", new byte[] {1});
    Path f = write("dotdot.keras", zip(e));
    refused(f, "Keras archive " + f + " has an entry that climbs out of the archive 'assets/../../evil.sh'; '..' is"
        + " not allowed in entry names");
  }

  @Test
  void tooManyEntriesAreRefused() throws Exception {
    Map<String, byte[]> e = realEntries();
    for (int i = 0; i < SafeZip.MAX_ENTRIES; i++) {
      e.put("assets/" + i, new byte[0]);
    }
    Path f = write("many.keras", zip(e));
    refused(f, "Keras archive " + f + " has more than " + SafeZip.MAX_ENTRIES + " entries; a .keras file holds"
        + " config.json, metadata.json, model.weights.h5 and its assets");
  }

  @Test
  void zipBombIsStoppedAtTheLimitWhateverTheHeaderClaims() throws Exception {
    Map<String, byte[]> e = realEntries();
    byte[] bomb = new byte[(int) KerasImporter.MAX_CONFIG_BYTES + 4096];
    java.util.Arrays.fill(bomb, (byte) ' ');
    e.put("config.json", bomb);
    byte[] z = zip(e);
    forgeCentralSizes(z, "config.json", 100);
    Path f = write("bomb.keras", z);
    refused(f, "Keras archive " + f + ": entry 'config.json' inflates to more than " + KerasImporter.MAX_CONFIG_BYTES
        + " bytes, the limit for that entry (a zip bomb, or not a Keras model)");
  }

  @Test
  void forgedHugeDatasetShapeIsAnErrorNotAnAllocation() throws Exception {
    Map<String, byte[]> e = realEntries();
    byte[] h5 = e.get("model.weights.h5");
    byte[] dims = new byte[16];
    java.nio.ByteBuffer.wrap(dims).order(java.nio.ByteOrder.LITTLE_ENDIAN).putLong(12).putLong(64);
    byte[] huge = new byte[16];
    java.nio.ByteBuffer.wrap(huge).order(java.nio.ByteOrder.LITTLE_ENDIAN).putLong(1L << 40).putLong(64);
    assertThat(replaceAll(h5, dims, huge)).isPositive();
    Path f = write("shape.keras", zip(e));
    refused(f, "cannot import Keras model " + f + ": weight layers/dense/vars/0 (dense_6 kernel) has shape"
        + " [1099511627776, 64] but the config needs [12, 64]");
  }

  @Test
  void forgedHugeConfigIsRefusedBeforeBuilding() throws Exception {
    Path f = withConfig("units.keras", c -> {
      ((ObjectNode) layers(c).get(1).path("config")).put("units", 9_000_000);
    });
    refused(f, "cannot import Keras model " + f + ": the network would have more than 50000000 parameters (at layer 1"
        + " 'dense_6' (Dense)); this is not a small dense model");
  }

  @Test
  void corruptHdf5IsADataErrorNotACrash() throws Exception {
    Map<String, byte[]> e = realEntries();
    byte[] h5 = e.get("model.weights.h5");
    java.util.Arrays.fill(h5, 100, h5.length, (byte) 0x5a);
    Path f = write("corrupt.keras", zip(e));
    KerasCliTest.Run r = KerasCliTest.run("import", f.toString(), "--out", dir.resolve("out").toString());
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).startsWith("error: cannot import Keras model " + f + ": ");
  }

  private static int replaceAll(byte[] data, byte[] from, byte[] to) {
    int n = 0;
    for (int i = 0; i + from.length <= data.length; i++) {
      if (java.util.Arrays.equals(data, i, i + from.length, from, 0, from.length)) {
        System.arraycopy(to, 0, data, i, to.length);
        n++;
      }
    }
    return n;
  }

  /** Makes the central directory claim {@code size} uncompressed bytes for {@code name}. */
  private static void forgeCentralSizes(byte[] z, String name, int size) {
    java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(z).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    byte[] n = name.getBytes(StandardCharsets.US_ASCII);
    for (int i = 0; i + 46 < z.length; i++) {
      if (b.getInt(i) == 0x02014b50 && b.getShort(i + 28) == n.length
          && java.util.Arrays.equals(z, i + 46, i + 46 + n.length, n, 0, n.length)) {
        b.putInt(i + 24, size);
      }
    }
  }
}
