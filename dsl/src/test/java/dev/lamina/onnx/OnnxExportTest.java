package dev.lamina.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.lamina.cli.Main;
import dev.lamina.persist.ModelFile;
import dev.lamina.persist.SavedModel;
import dev.lamina.predict.InputColumn;
import dev.lamina.predict.Prediction;
import dev.lamina.predict.Predictor;
import dev.lamina.predict.TrainedModels;
import dev.lamina.random.Rng;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.DoubleBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example model, and one model per kind of output and per exportable layer, exported to ONNX
 * with and without its pipeline: ONNX Runtime's scores agree with Lamina's within 1e-6 on raw rows,
 * and ONNX's own checker (Debian's python3-onnx) accepts every file.
 */
class OnnxExportTest {
  static final double TOLERANCE = 1e-6;

  @TempDir
  static Path dir;
  static OrtEnvironment env;

  @BeforeAll
  static void runtime() {
    env = OrtEnvironment.getEnvironment();
  }

  static Stream<String> exampleSpecs() throws IOException {
    try (Stream<Path> specs = Files.list(Path.of("..", "examples", "churn"))) {
      return specs.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml") && !n.startsWith("sweep"))
          .sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("exampleSpecs")
  void everyChurnExampleScoresTheSameInOnnxRuntimeWithAndWithoutItsPipeline(String spec) throws Exception {
    Path run = train(Path.of("..", "examples", "churn", spec).toAbsolutePath(), dir.resolve(spec), null);
    agree(run, TrainedModels.rows(TrainedModels.CHURN_CSV, 300));
  }

  @Test
  void aMultiOutputRegressionScoresEveryTargetTheSame() throws Exception {
    Path run = train(TrainedModels.EXAMPLES.resolve("linnerud/model.yaml"), dir.resolve("linnerud"), 5);
    agree(run, TrainedModels.rows(TrainedModels.EXAMPLES.resolve("linnerud/linnerud.csv"), 20));
  }

  @Test
  void aNamedMultiClassModelWithAFillRuleAndOneHotScoresTheSame() throws Exception {
    Path run = TrainedModels.threeClasses(dir.resolve("iris"));
    agree(run, TrainedModels.rows(dir.resolve("iris").resolve("iris.csv"), 300));
  }

  @Test
  void unseenCategoriesUnderHandleUnknownIgnoreScoreAsAllZerosInOnnxRuntimeToo() throws Exception {
    Path run = TrainedModels.churnIgnoringUnseenGeography(dir.resolve("ignore"), 1);
    List<Map<String, Object>> rows = new ArrayList<>(TrainedModels.rows(TrainedModels.CHURN_CSV, 200));
    for (int i = 0; i < rows.size(); i += 3) {
      Map<String, Object> r = new HashMap<>(rows.get(i));
      r.put("Geography", i % 2 == 0 ? "Italy" : "Mars");
      rows.set(i, r);
    }
    agree(run, rows);
  }

  @Test
  void aModelWhosePositiveClassIsZeroScoresThatClassTheSame() throws Exception {
    Path d = dir.resolve("positive");
    Path spec = layersSpec(d, """
          - dense: {units: 6, activation: relu, input_dim: 11}
          - dense: {units: 1, activation: sigmoid}
        """);
    Files.writeString(spec, Files.readString(spec).replace("test_split: 0.2}", "test_split: 0.2, positive_class: 0}"));
    Path run = train(spec, d.resolve("run"), 2);
    assertThat(Predictor.load(run).task()).isEqualTo(new dev.lamina.task.Binary("Exited", List.of("1", "0")));
    agree(run, TrainedModels.rows(TrainedModels.CHURN_CSV, 300));
    try (OrtSession s = env.createSession(run.resolve("model.onnx").toString(), new OrtSession.SessionOptions())) {
      // The one output is the probability of the class named last, which positive_class names: 0 here.
      assertThat(s.getMetadata().getCustomMetadata()).containsEntry("classes", "1,0").containsEntry("positive_class", "0");
    }
  }

  @Test
  void aMultiLabelModelsDecisionOutputDecidesEachLabelAtItsOwnThreshold() throws Exception {
    Path run = TrainedModels.labelsWithThresholds(dir.resolve("labels"), 1, 0.3, 0.7);
    List<Map<String, Object>> rows = TrainedModels.rows(TrainedModels.CHURN_CSV, 300);
    agree(run, rows);
    long[][] decided = decisions(run, rows, new double[] {0.3, 0.7});
    List<Prediction> lamina = Predictor.load(run).predictAll(rows);
    int differ = 0;
    for (int i = 0; i < rows.size(); i++) {
      for (int j = 0; j < 2; j++) {
        assertThat(decided[i][j] == 1).as("row %d label %d", i, j).isEqualTo(lamina.get(i).decision(j));
      }
      differ += lamina.get(i).output(0) > 0.3 != lamina.get(i).output(0) > 0.5 ? 1 : 0;
    }
    assertThat(differ).as("rows the 0.3 threshold decides otherwise than 0.5").isPositive();
    try (OrtSession s = env.createSession(run.resolve("model.onnx").toString(), new OrtSession.SessionOptions())) {
      assertThat(s.getMetadata().getCustomMetadata()).containsEntry("kind", "multi_label")
          .containsEntry("thresholds", "Exited=0.3,IsActiveMember=0.7");
    }
  }

  @Test
  void aBinaryModelsDecisionOutputIsTheProbabilityAboveItsThreshold() throws Exception {
    Path run = TrainedModels.churn(dir.resolve("binary"), 1);
    List<Map<String, Object>> rows = TrainedModels.rows(TrainedModels.CHURN_CSV, 300);
    agree(run, rows);
    long[][] decided = decisions(run, rows, new double[] {0.5});
    assertThat(decided).hasNumberOfRows(300);
    assertThat(decided[0]).hasSize(1);
  }

  /**
   * Scores {@code rows} with {@code run}'s exported model.onnx in ONNX Runtime and checks that its
   * decision output is, for every row and output, its probability output strictly above
   * {@code thresholds[j]}; returns the decisions.
   */
  private static long[][] decisions(Path run, List<Map<String, Object>> rows, double[] thresholds) throws Exception {
    Map<String, OnnxTensor> in = rawInputs(Predictor.load(run), rows);
    try (OrtSession s = env.createSession(run.resolve("model.onnx").toString(), new OrtSession.SessionOptions());
        OrtSession.Result r = s.run(in)) {
      assertThat(s.getOutputNames()).containsExactly(OnnxExport.PROBABILITY, OnnxExport.DECISION);
      double[][] p = (double[][]) r.get(OnnxExport.PROBABILITY).orElseThrow().getValue();
      long[][] d = (long[][]) r.get(OnnxExport.DECISION).orElseThrow().getValue();
      for (int i = 0; i < rows.size(); i++) {
        for (int j = 0; j < thresholds.length; j++) {
          assertThat(d[i][j]).as("row %d output %d, p = %s", i, j, p[i][j]).isEqualTo(p[i][j] > thresholds[j] ? 1L : 0L);
        }
      }
      return d;
    } finally {
      for (OnnxTensor t : in.values()) {
        t.close();
      }
    }
  }

  @Test
  void aRegressionWithALabelEncodedColumnAndMinMaxScalingScoresTheSame() throws Exception {
    Path d = dir.resolve("reg");
    Files.createDirectories(d);
    Rng rng = new Rng(3);
    StringBuilder csv = new StringBuilder("a,b,grade,y\n");
    String[] grades = {"A", "B", "C", "D"};
    for (int i = 0; i < 200; i++) {
      double a = rng.nextGaussian();
      double b = rng.nextDouble() * 10;
      int g = (int) Math.floor(rng.nextDouble() * 4);
      csv.append(a).append(',').append(b).append(',').append(i % 13 == 0 ? "" : grades[g]).append(',')
          .append(2 * a - 0.3 * b + g + 0.1 * rng.nextGaussian()).append('\n');
    }
    Files.writeString(d.resolve("reg.csv"), csv);
    Files.writeString(d.resolve("reg.yaml"), """
        name: reg
        seed: 4
        data: {csv: reg.csv, target: y, label_encode: [grade], fill_missing: {grade: mode}, scale: minmax}
        layers:
          - dense: {units: 8, activation: tanh, input_dim: 3}
          - dense: {units: 1, activation: linear}
        compile: {optimizer: adam, loss: mse}
        fit: {epochs: 3, batch_size: 16}
        """);
    Path run = train(d.resolve("reg.yaml"), d.resolve("run"), 3);
    assertThat(Predictor.load(run).task()).isInstanceOf(dev.lamina.task.Regression.class);
    agree(run, TrainedModels.rows(d.resolve("reg.csv"), 200));
  }

  @Test
  void everyExportableLayerAndActivationScoresTheSame() throws Exception {
    Path d = dir.resolve("layers");
    Path run = train(layersSpec(d, """
          - dense: {units: 16, activation: elu, input_dim: 11}
          - batch_normalization
          - leaky_relu: {negative_slope: 0.2}
          - dense: {units: 12, activation: silu}
          - layer_normalization
          - prelu
          - dropout: {rate: 0.3}
          - dense: {units: 8, activation: softsign}
          - activation: {activation: tanh}
          - dense: {units: 1, activation: sigmoid}
        """), d.resolve("run"), 2);
    agree(run, TrainedModels.rows(TrainedModels.CHURN_CSV, 200));
  }

  @Test
  void aLayerOrActivationTheExporterCannotWriteIsRefusedByName() throws Exception {
    Path d = dir.resolve("gelu");
    Path run = train(layersSpec(d, """
          - dense: {units: 4, activation: gelu, input_dim: 11}
          - dense: {units: 1, activation: sigmoid}
        """), d.resolve("run"), 1);
    StringWriter err = new StringWriter();
    int code = Main.execute(new String[] {"export", run.toString(), "--format", "onnx", "--out",
        d.resolve("m.onnx").toString()}, new PrintWriter(new StringWriter()), new PrintWriter(err));
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("this model cannot be exported to ONNX: layer 0 (Dense 'dense'): activation"
        + " 'gelu' cannot be exported to ONNX");
    assertThat(d.resolve("m.onnx")).doesNotExist();
  }

  private static Path layersSpec(Path d, String layers) throws IOException {
    Files.createDirectories(d);
    Path spec = d.resolve("layers.yaml");
    Files.writeString(spec, "name: layers\nseed: 9\n"
        + "data: {csv: " + TrainedModels.CHURN_CSV + ", target: Exited, drop: [RowNumber, CustomerId, Surname],"
        + " one_hot: [Geography, Gender], scale: standard, test_split: 0.2}\n"
        + "layers:\n" + layers
        + "compile: {optimizer: adam, loss: binary_crossentropy, metrics: [accuracy]}\nfit: {epochs: 2, batch_size: 32}\n");
    return spec;
  }

  /**
   * Exports {@code run} through the command line with and without the pipeline, and checks that
   * ONNX Runtime agrees with the predictor on {@code rows}, and that onnx.checker accepts both files.
   */
  private static void agree(Path run, List<Map<String, Object>> rows) throws Exception {
    Predictor predictor = Predictor.load(run);
    SavedModel saved = ModelFile.read(run);
    List<Prediction> expected = predictor.predictAll(rows);
    Path full = run.resolve("model.onnx");
    Path bare = run.resolve("network.onnx");
    export(run, full, false);
    export(run, bare, true);
    int outputs = predictor.outputCount();

    double[][] got = score(Files.readAllBytes(full), rawInputs(predictor, rows));
    for (int i = 0; i < rows.size(); i++) {
      for (int j = 0; j < outputs; j++) {
        assertThat(got[i][j]).as("row %d output %d with the pipeline", i, j)
            .isCloseTo(expected.get(i).output(j), org.assertj.core.data.Offset.offset(TOLERANCE));
      }
    }
    int f = predictor.featureCount();
    double[] features = new double[rows.size() * f];
    List<InputColumn> in = predictor.inputs();
    for (int i = 0; i < rows.size(); i++) {
      Object[] v = new Object[in.size()];
      for (int c = 0; c < v.length; c++) {
        v[c] = rows.get(i).get(in.get(c).name());
      }
      saved.pipeline().encodeValues(v, features, i * f, null, i + 1);
    }
    Map<String, OnnxTensor> x = Map.of(OnnxExport.FEATURES,
        OnnxTensor.createTensor(env, DoubleBuffer.wrap(features), new long[] {rows.size(), f}));
    double[][] net = score(Files.readAllBytes(bare), x);
    for (int i = 0; i < rows.size(); i++) {
      for (int j = 0; j < outputs; j++) {
        assertThat(net[i][j]).as("row %d output %d, network alone", i, j)
            .isCloseTo(expected.get(i).output(j), org.assertj.core.data.Offset.offset(TOLERANCE));
      }
    }
    checker(full);
    checker(bare);
  }

  private static void export(Path run, Path out, boolean noPipeline) {
    List<String> args = new ArrayList<>(List.of("export", run.toString(), "--format", "onnx", "--out", out.toString()));
    if (noPipeline) {
      args.add("--no-pipeline");
    }
    StringWriter err = new StringWriter();
    int code = Main.execute(args.toArray(String[]::new), new PrintWriter(new StringWriter()), new PrintWriter(err));
    assertThat(code).as(err.toString()).isZero();
  }

  /** One tensor per raw column: doubles (NaN when the cell is empty) or strings, shape [N, 1]. */
  private static Map<String, OnnxTensor> rawInputs(Predictor p, List<Map<String, Object>> rows) throws Exception {
    Map<String, OnnxTensor> inputs = new HashMap<>();
    long[] shape = {rows.size(), 1};
    for (InputColumn c : p.inputs()) {
      if (c.numeric()) {
        double[] v = new double[rows.size()];
        for (int i = 0; i < v.length; i++) {
          String s = (String) rows.get(i).get(c.name());
          v[i] = s.isEmpty() ? Double.NaN : Double.parseDouble(s);
        }
        inputs.put(c.name(), OnnxTensor.createTensor(env, DoubleBuffer.wrap(v), shape));
      } else {
        String[] v = new String[rows.size()];
        for (int i = 0; i < v.length; i++) {
          v[i] = (String) rows.get(i).get(c.name());
        }
        inputs.put(c.name(), OnnxTensor.createTensor(env, v, shape));
      }
    }
    return inputs;
  }

  private static double[][] score(byte[] model, Map<String, OnnxTensor> inputs) throws Exception {
    try (OrtSession s = env.createSession(model, new OrtSession.SessionOptions());
        OrtSession.Result r = s.run(inputs)) {
      OnnxValue out = r.get(0);
      return (double[][]) out.getValue();
    } finally {
      for (OnnxTensor t : inputs.values()) {
        t.close();
      }
    }
  }

  /** ONNX's checker, with full shape inference, from Debian's python3-onnx. */
  private static void checker(Path model) throws Exception {
    Process p = new ProcessBuilder("/usr/bin/python3", "-c",
        "import sys, onnx; onnx.checker.check_model(onnx.load(sys.argv[1]), full_check=True); print('ok', onnx.__version__)",
        model.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
    assertThat(out).startsWith("ok ");
  }

  private static Path train(Path spec, Path out, Integer epochs) {
    List<String> args = new ArrayList<>(List.of(spec.toString(), "--quiet", "--out", out.toString(), "--epochs",
        String.valueOf(epochs == null ? 1 : epochs)));
    StringWriter err = new StringWriter();
    int code = Main.execute(args.toArray(String[]::new), new PrintWriter(new StringWriter()), new PrintWriter(err));
    assertThat(code).as(err.toString()).isZero();
    return out;
  }
}
