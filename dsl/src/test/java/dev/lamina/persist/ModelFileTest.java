package dev.lamina.persist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamina.fluent.Lamina;
import dev.lamina.model.Model;
import dev.lamina.runspec.RunSpec;
import dev.lamina.task.Thresholds;
import dev.lamina.train.Fit;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileTest {
  private static Model trained() {
    Model m = Lamina.sequential("m").dense(5, d -> d.activation("tanh").inputDim(3)).dropout(0.1).prelu()
        .dense(1, d -> d.activation("sigmoid")).compile("adam", "binary_crossentropy", "accuracy").seed(5).build();
    double[][] x = new double[60][3];
    double[] y = new double[60];
    for (int i = 0; i < 60; i++) {
      x[i] = new double[] {Math.sin(i), Math.cos(i), i % 7 / 7.0};
      y[i] = x[i][0] > 0 ? 1 : 0;
    }
    m.fit(x, y, Fit.epochs(3).batchSize(8));
    return m;
  }

  private static final double[][] ROWS = {{0.1, 0.2, 0.3}, {-1, 2, 0.5}, {3, -2, 0}};

  @Test
  void saveThenLoadGivesIdenticalProbabilities(@TempDir Path dir) {
    Model m = trained();
    Path f = dir.resolve("model.lamina");
    ModelFile.write(f, new RunSpec(m.spec(), null, null, null), m, null, Thresholds.of(0.4), Map.of("note", "test"));
    SavedModel s = ModelFile.read(f);
    assertThat(s.model().predict(ROWS)).isDeepEqualTo(m.predict(ROWS));
    assertThat(s.thresholds()).isEqualTo(Thresholds.of(0.4));
    assertThat(s.info()).containsEntry("note", "test");
    assertThat(s.spec().model()).isEqualTo(m.resolvedSpec());
  }

  @Test
  void aRunFolderResolvesToItsModelFile(@TempDir Path dir) {
    Model m = trained();
    ModelFile.write(dir.resolve("model.lamina"), new RunSpec(m.spec(), null, null, null), m, null, Thresholds.of(0.5), Map.of());
    assertThat(ModelFile.read(dir).model().weights()).isDeepEqualTo(m.weights());
  }

  @Test
  void anAlteredByteIsAChecksumMismatch(@TempDir Path dir) throws Exception {
    Model m = trained();
    Path f = dir.resolve("model.lamina");
    ModelFile.write(f, new RunSpec(m.spec(), null, null, null), m, null, Thresholds.of(0.5), Map.of());
    byte[] b = Files.readAllBytes(f);
    b[200] = (byte) (b[200] == 'a' ? 'b' : 'a');
    Files.write(f, b);
    assertThatThrownBy(() -> ModelFile.read(f)).isInstanceOf(ModelFileException.class)
        .hasMessage("model file " + f + " is corrupt (checksum mismatch)");
  }

  @Test
  void aForgedShapeWithAValidChecksumIsRefusedBeforeUse(@TempDir Path dir) throws Exception {
    Model m = trained();
    Path f = dir.resolve("model.lamina");
    ModelFile.write(f, new RunSpec(m.spec(), null, null, null), m, null, Thresholds.of(0.5), Map.of());
    String text = Files.readString(f);
    String body = text.substring(0, text.lastIndexOf("sha256 "));
    String forged = body.replaceFirst("units: 5", "units: 2000000000");
    byte[] bytes = forged.getBytes(StandardCharsets.UTF_8);
    String sum = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    Files.writeString(f, forged + "sha256 " + sum + "\n");
    assertThatThrownBy(() -> ModelFile.read(f)).isInstanceOf(ModelFileException.class)
        .hasMessageContaining("is corrupt").hasMessageContaining("parameters");
  }

  @Test
  void writingIsAtomicAndLeavesNoTemporaryFiles(@TempDir Path dir) throws Exception {
    Model m = trained();
    Path f = dir.resolve("model.lamina");
    ModelFile.write(f, new RunSpec(m.spec(), null, null, null), m, null, Thresholds.of(0.5), Map.of());
    ModelFile.write(f, new RunSpec(m.spec(), null, null, null), m, null, Thresholds.of(0.5), Map.of());
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("model.lamina");
    }
  }
}
