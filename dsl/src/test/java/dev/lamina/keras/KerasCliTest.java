package dev.lamina.keras;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.cli.Main;
import dev.lamina.persist.ModelFile;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** builder.jar import / predict / export on the real Keras files. */
class KerasCliTest {
  @TempDir
  Path dir;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  private static double maxError(Path predictions) throws Exception {
    List<String> lines = Files.readAllLines(predictions);
    double[] ref = RealKerasFiles.reference();
    assertThat(lines).hasSize(ref.length + 1);
    double worst = 0;
    for (int i = 1; i < lines.size(); i++) {
      String[] f = lines.get(i).split(",");
      assertThat(Long.parseLong(f[0])).isEqualTo(i);
      double p = Double.parseDouble(f[1]);
      assertThat(Integer.parseInt(f[2])).isEqualTo(p > 0.5 ? 1 : 0);
      worst = Math.max(worst, Math.abs(p - ref[i - 1]));
    }
    return worst;
  }

  @Test
  void importWritesModelFileAndSpecAndPrintsTheSummary() throws Exception {
    Path out = dir.resolve("imported");
    Run r = run("import", RealKerasFiles.archive().toString(), "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("dense_6").contains("imported Sequential").contains("keras3, Keras 3.10.0");
    assertThat(ModelFile.read(out).pipeline()).isNull();
    assertThat(Files.readString(out.resolve("model.yaml"))).contains("units: 64").contains("input_dim: 12")
        .contains("sigmoid");
  }

  @Test
  void predictOnAnImportedModelReadsTheFirstNumericColumnsAndMatchesKeras() throws Exception {
    Path out = dir.resolve("imported");
    assertThat(run("import", RealKerasFiles.legacy().toString(), "--out", out.toString()).code()).isZero();
    Path predictions = dir.resolve("p.csv");
    Run r = run("predict", out.toString(), RealKerasFiles.inputs().toString(), "--out", predictions.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(Files.readAllLines(predictions).get(0)).isEqualTo("row,p_1,predicted_class");
    assertThat(maxError(predictions)).isLessThan(1e-6);
  }

  @Test
  void predictFeaturesOptionPicksNamedColumnsInOrder() throws Exception {
    Path out = dir.resolve("imported");
    assertThat(run("import", RealKerasFiles.archive().toString(), "--out", out.toString()).code()).isZero();
    Path predictions = dir.resolve("p.csv");
    String features = "CreditScore,Gender,Age,Tenure,Balance,NumOfProducts,HasCrCard,IsActiveMember,EstimatedSalary,"
        + "Geography_France,Geography_Germany,Geography_Spain";
    Run r = run("predict", out.toString(), RealKerasFiles.inputs().toString(), "--features", features,
        "--out", predictions.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(maxError(predictions)).isLessThan(1e-6);
  }

  @Test
  void predictFeaturesOptionNamingAMissingColumnIsADataError() throws Exception {
    Path out = dir.resolve("imported");
    assertThat(run("import", RealKerasFiles.archive().toString(), "--out", out.toString()).code()).isZero();
    String features = "CreditScor,Gender,Age,Tenure,Balance,NumOfProducts,HasCrCard,IsActiveMember,EstimatedSalary,"
        + "Geography_France,Geography_Germany,Geography_Spain";
    Run r = run("predict", out.toString(), RealKerasFiles.inputs().toString(), "--features", features,
        "--out", dir.resolve("p.csv").toString());
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).contains("has no column 'CreditScor' (named in --features). Did you mean CreditScore?");
  }

  @Test
  void exportWritesKerasAndH5FilesThatImportBackToTheSameWeights() {
    Path out = dir.resolve("imported");
    assertThat(run("import", RealKerasFiles.archive().toString(), "--out", out.toString()).code()).isZero();
    Path keras = dir.resolve("back.keras");
    Path h5 = dir.resolve("back.h5");
    Run a = run("export", out.toString(), "--format", "keras", "--out", keras.toString());
    Run b = run("export", out.resolve("model.lamina").toString(), "--format", "h5", "--out", h5.toString());
    assertThat(a.code()).as(a.err()).isZero();
    assertThat(b.code()).as(b.err()).isZero();
    assertThat(a.out()).contains("Keras 3 .keras archive");
    double[][] original = KerasImporter.read(RealKerasFiles.archive()).model().weights();
    assertThat(KerasImporter.read(keras).model().weights()).isDeepEqualTo(original);
    assertThat(KerasImporter.read(h5).model().weights()).isDeepEqualTo(original);
  }

  @Test
  void exportWithAnUnknownFormatIsAUsageError() {
    Run r = run("export", dir.toString(), "--format", "tflite");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("tflite").contains("keras, h5, onnx");
  }
}
