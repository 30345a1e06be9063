package dev.lamina.keras;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lamina.fluent.Lamina;
import dev.lamina.layertype.LayerType;
import dev.lamina.layertype.LayerTypes;
import dev.lamina.model.Model;
import dev.lamina.spec.ActivationLayerSpec;
import dev.lamina.spec.BatchNormalizationSpec;
import dev.lamina.spec.ComponentSpec;
import dev.lamina.spec.DenseSpec;
import dev.lamina.spec.DropoutSpec;
import dev.lamina.spec.EluSpec;
import dev.lamina.spec.LeakyReluSpec;
import dev.lamina.spec.ModelSpec;
import dev.lamina.spec.PReluSpec;
import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Export then import gives the same model; the exported files look like Keras's own. */
class ExportRoundTripTest {
  @TempDir
  Path dir;

  /** Every layer type Lamina exports, with double weights that are not float32-exact. */
  private static Model everyLayerModel() {
    ModelSpec spec = new ModelSpec("mixed", 7L, List.of(
        new DenseSpec(5, ComponentSpec.of("relu"), true, ComponentSpec.of("he_uniform", "seed", 3L), null,
            ComponentSpec.of("l2", "l2", 0.001), null, 4, "first"),
        new DropoutSpec(0.25, null, null),
        new PReluSpec(ComponentSpec.of("constant", "value", 0.1), null),
        DenseSpec.of(3).withKernelInitializer(ComponentSpec.of("variance_scaling", "scale", 2.0, "mode", "fan_out")),
        new LeakyReluSpec(0.2, null),
        new EluSpec(0.7, null),
        new ActivationLayerSpec(ComponentSpec.of("tanh"), null),
        DenseSpec.of(2).withActivation(ComponentSpec.of("softmax"))), null);
    return Model.of(spec);
  }

  private static double[][] rows() {
    double[][] x = new double[50][4];
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < 4; j++) {
        x[i][j] = Math.sin(i * 4 + j) * 3;
      }
    }
    return x;
  }

  private static double[][] float32(double[][] w) {
    double[][] r = new double[w.length][];
    for (int i = 0; i < w.length; i++) {
      r[i] = new double[w[i].length];
      for (int j = 0; j < w[i].length; j++) {
        r[i][j] = (float) w[i][j];
      }
    }
    return r;
  }

  @Test
  void kerasArchiveRoundTripGivesFloat32RoundedWeightsBitForBitAndSamePredictions() {
    Model m = everyLayerModel();
    Path file = dir.resolve("m.keras");
    Lamina.exportKeras(m, file);
    Model back = Lamina.importKeras(file);
    assertThat(back.weights()).isDeepEqualTo(float32(m.weights()));
    Model rounded = everyLayerModel();
    rounded.setWeights(float32(m.weights()));
    assertThat(back.predict(rows())).isDeepEqualTo(rounded.predict(rows()));
    assertThat(back.spec().layers()).extracting(l -> l.kerasClassName())
        .containsExactly("Dense", "Dropout", "PReLU", "Dense", "LeakyReLU", "ELU", "Activation", "Dense");
  }

  static java.util.stream.Stream<LayerType<?>> everyRegisteredType() {
    return LayerTypes.ALL.stream();
  }

  /** Dense(4) - the type's example layer - Dense(2) over 4 inputs, every tensor (state too) set to random values. */
  private static Model withLayer(LayerType<?> type) {
    ModelSpec spec = new ModelSpec("typed", 7L, List.of(new DenseSpec(4, ComponentSpec.of("relu"), true, null, null,
        null, null, 4, null), LayerTypes.example(type), DenseSpec.of(2)), null);
    Model m = Model.of(spec);
    dev.lamina.random.Rng rng = new dev.lamina.random.Rng(23);
    for (dev.lamina.optim.Parameter p : m.tensors()) {
      boolean positive = m.state().contains(p);
      for (int i = 0; i < p.size(); i++) {
        p.value()[i] = positive ? 0.3 + Math.abs(rng.nextGaussian()) : rng.nextGaussian();
      }
    }
    return m;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyRegisteredType")
  void everyRegisteredLayerTypeExportsAndImportsWithBitIdenticalPredictions(LayerType<?> type) {
    Model m = withLayer(type);
    Model rounded = withLayer(type);
    rounded.setWeights(float32(m.weights()));
    for (Path file : List.of(dir.resolve(type.name() + ".keras"), dir.resolve(type.name() + ".h5"))) {
      if (file.toString().endsWith(".keras")) {
        KerasExporter.writeKeras(m, file);
      } else {
        KerasExporter.writeH5(m, file);
      }
      Model back = KerasImporter.read(file).model();
      assertThat(back.spec().layers().get(1).kerasClassName()).isEqualTo(type.kerasClassName());
      for (int i = 0; i < m.parameters().size(); i++) {
        assertThat(back.parameters().get(i).value()).as(file + " " + m.parameters().get(i).name())
            .isEqualTo(float32(new double[][] {m.parameters().get(i).value()})[0]);
      }
      assertThat(back.predict(rows())).as(file.toString()).isDeepEqualTo(rounded.predict(rows()));
    }
  }

  @Test
  void batchNormalizationExportsItsArgumentsAndMovingStatistics() throws Exception {
    ModelSpec spec = new ModelSpec("bn", 7L, List.of(new DenseSpec(3, null, true, null, null, null, null, 4, null),
        BatchNormalizationSpec.DEFAULT.withMomentum(0.9).withEpsilon(0.01), DenseSpec.of(1)), null);
    Model m = Model.of(spec);
    double[][] w = m.weights();
    for (double[] t : w) {
      java.util.Arrays.fill(t, 0.75);
    }
    m.setWeights(w);
    Path file = dir.resolve("bn.keras");
    KerasExporter.writeKeras(m, file);
    JsonNode bn = KerasJson.parse(entry(file, "config.json"), "bn").path("config").path("layers").get(2).path("config");
    assertThat(bn.path("momentum").asDouble()).isEqualTo(0.9);
    assertThat(bn.path("epsilon").asDouble()).isEqualTo(0.01);
    Model back = KerasImporter.read(file).model();
    BatchNormalizationSpec read = (BatchNormalizationSpec) back.spec().layers().get(1);
    assertThat(read.momentum()).isEqualTo(0.9);
    assertThat(read.epsilon()).isEqualTo(0.01);
    assertThat(back.state()).extracting(dev.lamina.optim.Parameter::name)
        .containsExactly("batch_normalization/moving_mean", "batch_normalization/moving_variance");
    assertThat(back.state().get(0).value()).containsOnly(0.75);
    assertThat(back.state().get(1).value()).containsOnly(0.75);
  }

  @Test
  void legacyH5RoundTripGivesTheSameWeightsAndPredictionsAsTheArchive() {
    Model m = everyLayerModel();
    Path keras = dir.resolve("m.keras");
    Path h5 = dir.resolve("m.h5");
    KerasExporter.writeKeras(m, keras);
    KerasExporter.writeH5(m, h5);
    Model a = KerasImporter.read(keras).model();
    Model b = KerasImporter.read(h5).model();
    assertThat(b.weights()).isDeepEqualTo(a.weights());
    assertThat(b.predict(rows())).isDeepEqualTo(a.predict(rows()));
  }

  @Test
  void specSurvivesTheRoundTripExceptTheSeed() {
    Model m = everyLayerModel();
    Path file = dir.resolve("m.keras");
    KerasExporter.writeKeras(m, file);
    ModelSpec back = KerasImporter.read(file).model().spec();
    DenseSpec first = (DenseSpec) back.layers().get(0);
    assertThat(first.kernelInitializer()).isEqualTo(ComponentSpec.of("he_uniform", "seed", 3L));
    assertThat(first.kernelRegularizer()).isEqualTo(ComponentSpec.of("l2", "l2", 0.001));
    assertThat(((DenseSpec) back.layers().get(3)).kernelInitializer().args())
        .containsEntry("scale", 2.0).containsEntry("mode", "fan_out");
    assertThat(((LeakyReluSpec) back.layers().get(4)).negativeSlope()).isEqualTo(0.2);
    assertThat(((DropoutSpec) back.layers().get(1)).rate()).isEqualTo(0.25);
  }

  @Test
  void realModelExportReimportsBitIdentically() {
    Model real = KerasImporter.read(RealKerasFiles.archive()).model();
    Path keras = dir.resolve("churn.keras");
    Path h5 = dir.resolve("churn.h5");
    KerasExporter.writeKeras(real, keras);
    KerasExporter.writeH5(real, h5);
    double[][] x = RealKerasFiles.features();
    for (Path p : List.of(keras, h5)) {
      Model back = KerasImporter.read(p).model();
      assertThat(back.weights()).isDeepEqualTo(real.weights());
      assertThat(back.predict(x)).isDeepEqualTo(real.predict(x));
    }
  }

  @Test
  void exportedArchiveHasTheRealFilesEntriesConfigKeysAndHdf5Layout() throws Exception {
    Model real = KerasImporter.read(RealKerasFiles.archive()).model();
    Path ours = dir.resolve("churn.keras");
    KerasExporter.writeKeras(real, ours);
    assertThat(entries(ours)).containsExactlyElementsOf(entries(RealKerasFiles.archive()));
    JsonNode theirs = KerasJson.parse(entry(RealKerasFiles.archive(), "config.json"), "real");
    JsonNode mine = KerasJson.parse(entry(ours, "config.json"), "ours");
    TreeSet<String> expected = keys(theirs, "");
    expected.removeIf(k -> k.contains("compile_config") || k.endsWith("shared_object_id"));
    assertThat(keys(mine, "")).isEqualTo(expected);
    assertThat(keys(KerasJson.parse(entry(ours, "metadata.json"), "meta"), ""))
        .isEqualTo(keys(KerasJson.parse(entry(RealKerasFiles.archive(), "metadata.json"), "meta"), ""));
    List<String> theirLayout = layout(entryBytes(RealKerasFiles.archive(), "model.weights.h5"));
    theirLayout.removeIf(s -> s.startsWith("/optimizer"));
    assertThat(layout(entryBytes(ours, "model.weights.h5"))).containsExactlyInAnyOrderElementsOf(theirLayout);
  }

  @Test
  void exportedLegacyH5HasTheRealFilesLayout() throws Exception {
    Model real = KerasImporter.read(RealKerasFiles.legacy()).model();
    Path ours = dir.resolve("churn.h5");
    KerasExporter.writeH5(real, ours);
    List<String> theirs = layout(Files.readAllBytes(RealKerasFiles.legacy()));
    theirs.removeIf(s -> s.startsWith("/optimizer_weights") || s.contains("@training_config"));
    assertThat(layout(Files.readAllBytes(ours))).containsExactlyInAnyOrderElementsOf(theirs);
    try (HdfFile a = HdfFile.fromBytes(Files.readAllBytes(ours));
        HdfFile b = new HdfFile(RealKerasFiles.legacy())) {
      JsonNode mine = KerasJson.parse((String) a.getAttribute("model_config").getData(), "ours");
      JsonNode their = KerasJson.parse((String) b.getAttribute("model_config").getData(), "theirs");
      assertThat(keys(mine, "")).isEqualTo(keys(their, ""));
    }
  }

  @Test
  void h5pyReadsTheExportedFilesWithKerasLayoutAndValues() throws Exception {
    Model real = KerasImporter.read(RealKerasFiles.archive()).model();
    Path keras = dir.resolve("churn.keras");
    Path h5 = dir.resolve("churn.h5");
    KerasExporter.writeKeras(real, keras);
    KerasExporter.writeH5(real, h5);
    String out = H5py.run("""
        import sys, io, json, zipfile, h5py, numpy as np
        z = zipfile.ZipFile(sys.argv[1])
        print('entries', z.namelist())
        cfg = json.loads(z.read('config.json'))
        print('config', cfg['module'], cfg['class_name'], cfg['registered_name'], cfg['build_config'])
        w = h5py.File(io.BytesIO(z.read('model.weights.h5')), 'r')
        real = zipfile.ZipFile(sys.argv[3])
        r = h5py.File(io.BytesIO(real.read('model.weights.h5')), 'r')
        for name in ['dense', 'dense_1', 'dense_2']:
            for v in ['0', '1']:
                a, b = w['layers/%s/vars/%s' % (name, v)], r['layers/%s/vars/%s' % (name, v)]
                assert a.dtype == b.dtype == np.float32, (a.dtype, b.dtype)
                assert a.shape == b.shape and np.array_equal(a[()], b[()]), name
            print('vars', name, w['layers/%s/vars' % name].attrs['name'])
        print('root vars', w['vars'].attrs['name'])
        f = h5py.File(sys.argv[2], 'r')
        json.loads(f.attrs['model_config'])
        print('legacy', f.attrs['keras_version'], list(f['model_weights'].attrs['layer_names']))
        legacy_real = h5py.File(sys.argv[4], 'r')
        for l in ['dense_6', 'dense_7', 'dense_8']:
            names = [n.decode() if isinstance(n, bytes) else n for n in f['model_weights'][l].attrs['weight_names']]
            for n in names:
                assert np.array_equal(f['model_weights'][l][n][()], legacy_real['model_weights'][l][n][()]), n
        print('legacy weights equal')
        """, dir, keras.toString(), h5.toString(), RealKerasFiles.archive().toString(),
        RealKerasFiles.legacy().toString());
    assertThat(out).contains("entries ['metadata.json', 'config.json', 'model.weights.h5']")
        .contains("config keras Sequential None {'input_shape': [None, 12]}")
        .contains("vars dense dense_6").contains("vars dense_2 dense_8").contains("root vars sequential_2")
        .contains("legacy 3.10.0 ['dense_6', 'dense_7', 'dense_8']").contains("legacy weights equal");
  }

  private static List<String> entries(Path zip) throws Exception {
    try (ZipFile z = new ZipFile(zip.toFile())) {
      List<String> n = new ArrayList<>();
      z.stream().forEach(e -> n.add(e.getName()));
      return n;
    }
  }

  private static byte[] entryBytes(Path zip, String name) throws Exception {
    try (ZipFile z = new ZipFile(zip.toFile())) {
      return z.getInputStream(z.getEntry(name)).readAllBytes();
    }
  }

  private static String entry(Path zip, String name) throws Exception {
    return new String(entryBytes(zip, name), StandardCharsets.UTF_8);
  }

  /** Every key path of a JSON tree (array indices included). */
  private static TreeSet<String> keys(JsonNode n, String at) {
    TreeSet<String> out = new TreeSet<>();
    if (n.isObject()) {
      Iterator<String> it = n.fieldNames();
      while (it.hasNext()) {
        String k = it.next();
        out.add(at + "." + k);
        out.addAll(keys(n.get(k), at + "." + k));
      }
    } else if (n.isArray()) {
      for (int i = 0; i < n.size(); i++) {
        out.addAll(keys(n.get(i), at + "[" + i + "]"));
      }
    }
    return out;
  }

  /** Groups, datasets with shape and Java element type, and attribute names of an HDF5 file. */
  private static List<String> layout(byte[] h5) {
    List<String> out = new ArrayList<>();
    try (HdfFile f = HdfFile.fromBytes(h5)) {
      walk(f, out);
    }
    return out;
  }

  private static void walk(Node n, List<String> out) {
    String path = n.getPath().endsWith("/") && n.getPath().length() > 1 ? n.getPath().substring(0, n.getPath().length() - 1)
        : n.getPath();
    for (String a : n.getAttributes().keySet()) {
      Object v = n.getAttribute(a).getData();
      out.add(path + "@" + a + ":" + (v == null ? "null" : v.getClass().getSimpleName()));
    }
    if (n instanceof Dataset d) {
      out.add(path + " " + java.util.Arrays.toString(d.getDimensions()) + " " + d.getJavaType());
    } else if (n instanceof Group g) {
      out.add(path + " group");
      for (Node c : g.getChildren().values()) {
        walk(c, out);
      }
    }
  }
}
