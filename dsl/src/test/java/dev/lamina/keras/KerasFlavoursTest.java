package dev.lamina.keras;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamina.layer.Layer;
import dev.lamina.model.Model;
import dev.lamina.optim.Parameter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The other layouts Keras writes, rebuilt from the real model's weights: Keras 2 legacy HDF5
 * ({@code dense/kernel:0}), Keras 2.13-2.15 archives ({@code _layer_checkpoint_dependencies}),
 * Windows-written group names ({@code layers\dense}), Functional chains, and to_json + weights.
 */
class KerasFlavoursTest {
  private static final String K2_CONFIG = """
      {"class_name": "Sequential", "config": {"name": "sequential", "layers": [
        {"class_name": "InputLayer", "config": {"batch_input_shape": [null, 12], "dtype": "float32", "sparse": false,
          "ragged": false, "name": "dense_input"}},
        {"class_name": "Dense", "config": {"name": "dense", "trainable": true, "dtype": "float32", "units": 64,
          "activation": "relu", "use_bias": true, "kernel_initializer": {"class_name": "GlorotUniform", "config":
          {"seed": null}}, "bias_initializer": {"class_name": "Zeros", "config": {}}, "kernel_regularizer": null,
          "bias_regularizer": null, "activity_regularizer": null, "kernel_constraint": null, "bias_constraint": null}},
        {"class_name": "Dense", "config": {"name": "dense_1", "units": 32, "activation": "relu"}},
        {"class_name": "Dense", "config": {"name": "dense_2", "units": 1, "activation": "sigmoid"}}]},
       "keras_version": "2.12.0", "backend": "tensorflow"}
      """;

  private static final String K3_FUNCTIONAL = """
      {"module": "keras.src.models.functional", "class_name": "Functional", "config": {"name": "functional",
        "trainable": true, "layers": [
        {"module": "keras.layers", "class_name": "InputLayer", "config": {"batch_shape": [null, 12], "dtype": "float32",
          "sparse": false, "name": "input_layer"}, "registered_name": null, "name": "input_layer", "inbound_nodes": []},
        {"module": "keras.layers", "class_name": "Dense", "config": {"name": "dense", "units": 64, "activation": "relu"},
          "registered_name": null, "name": "dense", "inbound_nodes": [{"args": [{"class_name": "__keras_tensor__",
          "config": {"shape": [null, 12], "dtype": "float32", "keras_history": ["input_layer", 0, 0]}}], "kwargs": {}}]},
        {"module": "keras.layers", "class_name": "Dense", "config": {"name": "dense_1", "units": 32, "activation": "relu"},
          "registered_name": null, "name": "dense_1", "inbound_nodes": [{"args": [{"class_name": "__keras_tensor__",
          "config": {"shape": [null, 64], "dtype": "float32", "keras_history": ["%s", 0, 0]}}], "kwargs": {}}]},
        {"module": "keras.layers", "class_name": "Dense", "config": {"name": "dense_2", "units": 1,
          "activation": "sigmoid"}, "registered_name": null, "name": "dense_2", "inbound_nodes": [{"args": [{"class_name":
          "__keras_tensor__", "config": {"shape": [null, 32], "dtype": "float32", "keras_history": ["dense_1", 0, 0]}}],
          "kwargs": {}}]}],
        "input_layers": [["input_layer", 0, 0]], "output_layers": [["dense_2", 0, 0]]}, "registered_name": "Functional"}
      """;

  @TempDir
  Path dir;

  private static Model real() {
    return KerasImporter.read(RealKerasFiles.archive()).model();
  }

  private static float[] f32(double[] v) {
    float[] f = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      f[i] = (float) v[i];
    }
    return f;
  }

  private static long[] shape(Parameter p) {
    return java.util.Arrays.stream(p.shape()).asLongStream().toArray();
  }

  /** Keras-3-style archive weights with the group path chosen by {@code path} (layer index to group). */
  private static byte[] archiveWeights(Model m, Function<Integer, List<String>> path) {
    Hdf5Writer w = new Hdf5Writer();
    List<Layer> layers = m.layers();
    for (int i = 0; i < layers.size(); i++) {
      Hdf5Writer.Group g = w.root();
      for (String s : path.apply(i)) {
        g = g.group(s);
      }
      List<Parameter> ps = layers.get(i).parameters();
      for (int k = 0; k < ps.size(); k++) {
        g.floatDataset(Integer.toString(k), shape(ps.get(k)), f32(ps.get(k).value()));
      }
    }
    return w.toBytes();
  }

  private Path archive(String name, String config, byte[] weights, String version) throws Exception {
    Path p = dir.resolve(name);
    try (var z = new java.util.zip.ZipOutputStream(Files.newOutputStream(p))) {
      z.putNextEntry(new java.util.zip.ZipEntry("metadata.json"));
      z.write(("{\"keras_version\": \"" + version + "\"}").getBytes(StandardCharsets.UTF_8));
      z.putNextEntry(new java.util.zip.ZipEntry("config.json"));
      z.write(config.getBytes(StandardCharsets.UTF_8));
      z.putNextEntry(new java.util.zip.ZipEntry("model.weights.h5"));
      z.write(weights);
    }
    return p;
  }

  private static String realConfig() throws Exception {
    try (var z = new java.util.zip.ZipFile(RealKerasFiles.archive().toFile())) {
      return new String(z.getInputStream(z.getEntry("config.json")).readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void keras2LegacyH5WithColonZeroWeightNamesImportsTheSameModel() throws Exception {
    Model m = real();
    Hdf5Writer w = new Hdf5Writer();
    w.root().stringAttribute("model_config", K2_CONFIG, false);
    w.root().stringAttribute("keras_version", "2.12.0", false);
    Hdf5Writer.Group mw = w.root().group("model_weights");
    List<String> names = List.of("dense", "dense_1", "dense_2");
    mw.stringArrayAttribute("layer_names", names, false);
    for (int i = 0; i < 3; i++) {
      List<String> wn = new ArrayList<>();
      for (Parameter p : m.layers().get(i).parameters()) {
        String role = p.name().substring(p.name().indexOf('/') + 1);
        wn.add(names.get(i) + "/" + role + ":0");
        mw.group(names.get(i)).group(names.get(i)).floatDataset(role + ":0", shape(p), f32(p.value()));
      }
      mw.group(names.get(i)).stringArrayAttribute("weight_names", wn, false);
    }
    Path f = dir.resolve("k2.h5");
    Files.write(f, w.toBytes());
    Model back = KerasImporter.read(f).model();
    assertThat(back.weights()).isDeepEqualTo(m.weights());
  }

  @Test
  void keras213ArchiveUnderLayerCheckpointDependenciesImports() throws Exception {
    Model m = real();
    byte[] w = archiveWeights(m, i -> List.of("_layer_checkpoint_dependencies", i == 0 ? "dense" : "dense_" + i, "vars"));
    Path f = archive("k213.keras", realConfig(), w, "2.13.1");
    KerasImport imp = KerasImporter.read(f);
    assertThat(imp.format()).isEqualTo("keras2-archive");
    assertThat(imp.model().weights()).isDeepEqualTo(m.weights());
  }

  @Test
  void windowsBackslashGroupNamesImport() throws Exception {
    Model m = real();
    byte[] w = archiveWeights(m, i -> List.of("layers\\" + (i == 0 ? "dense" : "dense_" + i), "vars"));
    Path f = archive("windows.keras", realConfig(), w, "3.0.5");
    assertThat(KerasImporter.read(f).model().weights()).isDeepEqualTo(m.weights());
  }

  @Test
  void functionalPlainChainImports() throws Exception {
    Model m = real();
    byte[] w = archiveWeights(m, i -> List.of("layers", i == 0 ? "dense" : "dense_" + i, "vars"));
    KerasImport imp = KerasImporter.read(archive("f.keras", K3_FUNCTIONAL.formatted("dense"), w, "3.10.0"));
    assertThat(imp.modelClass()).isEqualTo("Functional");
    assertThat(imp.model().weights()).isDeepEqualTo(m.weights());
  }

  @Test
  void functionalSkipConnectionIsRefused() throws Exception {
    byte[] w = archiveWeights(real(), i -> List.of("layers", i == 0 ? "dense" : "dense_" + i, "vars"));
    Path f = archive("skip.keras", K3_FUNCTIONAL.formatted("input_layer"), w, "3.10.0");
    assertThatThrownBy(() -> KerasImporter.read(f)).isInstanceOf(KerasFormatException.class)
        .hasMessage("cannot import Keras model " + f + ": Functional model 'functional' is not a plain chain: layer"
            + " 'dense_1' (Dense) takes its input from [input_layer] instead of 'dense'. Lamina imports Functional"
            + " models whose layers form one straight chain");
  }

  @Test
  void toJsonConfigWithSeparateWeightsImportsThroughTheCommandLine() throws Exception {
    Model m = real();
    Path json = dir.resolve("model.json");
    Files.writeString(json, realConfig());
    Path weights = dir.resolve("model.weights.h5");
    Files.write(weights, archiveWeights(m, i -> List.of("layers", i == 0 ? "dense" : "dense_" + i, "vars")));
    KerasCliTest.Run r = KerasCliTest.run("import", json.toString(), "--weights", weights.toString(), "--out",
        dir.resolve("out").toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(dev.lamina.persist.ModelFile.read(dir.resolve("out")).model().weights()).isDeepEqualTo(m.weights());
  }

  @Test
  void jsonWithoutWeightsAsksForThem() throws Exception {
    Path json = dir.resolve("model.json");
    Files.writeString(json, realConfig());
    KerasCliTest.Run r = KerasCliTest.run("import", json.toString());
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).contains("is a JSON config (model.to_json()) without weights; give its weights file too");
  }
}
