package dev.lamina.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamina.spec.SpecException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictionsWriterTest {
  @TempDir Path dir;

  private Path previous() throws IOException {
    Path file = dir.resolve("predictions.csv");
    Files.writeString(file, "previous\n");
    return file;
  }

  @Test
  void writesTheMultiClassLayoutWithArgmax() throws IOException {
    Path file = dir.resolve("predictions.csv");
    try (PredictionsWriter out = PredictionsWriter.open(file, true, 3)) {
      out.write(0, new double[] {0.2, 0.7, 0.1}, 1);
      out.write(1, new double[] {0.4, 0.2, 0.4}, 2);
      out.write(2, new double[] {Double.NaN, 0.1, 0.9}, Double.NaN);
    }
    assertThat(Files.readString(file)).isEqualTo("""
        row,p_0,p_1,p_2,predicted_class,true_label
        0,0.2,0.7,0.1,1,1
        1,0.4,0.2,0.4,0,2
        2,nan,0.1,0.9,2,
        """);
  }

  @Test
  void binaryLayoutUsesTheGivenThreshold() throws IOException {
    Path file = dir.resolve("p.csv");
    try (PredictionsWriter out = PredictionsWriter.open(file, false, 1, 0.8)) {
      out.write(10, new double[] {0.75}, Double.NaN);
      out.write(11, new double[] {0.85}, Double.NaN);
    }
    assertThat(Files.readString(file))
        .isEqualTo("row,p_1,predicted_class\n10,0.75,0\n11,0.85,1\n");
  }

  @Test
  void writesANonIntegralTrueLabelAsAFloat() throws IOException {
    Path file = dir.resolve("p.csv");
    try (PredictionsWriter out = PredictionsWriter.open(file, true, 1)) {
      out.write(0, new double[] {0.5}, 0.25);
    }
    assertThat(Files.readAllLines(file).get(1)).isEqualTo("0,0.5,0,0.25");
  }

  @Test
  void theTargetAppearsOnlyOnClose() throws IOException {
    Path file = previous();
    try (PredictionsWriter out = PredictionsWriter.open(file, false, 1)) {
      for (int i = 0; i < 10_000; i++) {
        out.write(i, new double[] {0.5}, Double.NaN);
      }
      assertThat(file).hasContent("previous");
      assertThat(out.rows()).isEqualTo(10_000);
    }
    assertThat(Files.readAllLines(file)).hasSize(10_001);
  }

  @Test
  void abortKeepsThePreviousFileAndRemovesTheTemporaryOne() throws IOException {
    Path file = previous();
    try (PredictionsWriter out = PredictionsWriter.open(file, false, 1)) {
      out.write(0, new double[] {0.9}, Double.NaN);
      out.abort();
    }
    assertThat(file).hasContent("previous");
    assertThat(AtomicFileTest.listing(dir)).containsExactly("predictions.csv");
  }

  @Test
  void aFailureInsideWriteAllKeepsThePreviousFile() throws IOException {
    Path file = previous();
    assertThatThrownBy(() -> PredictionsWriter.writeAll(file, false, 1, 0.5, out -> {
      for (int i = 0; i < 5000; i++) {
        out.write(i, new double[] {0.9}, Double.NaN);
      }
      throw new IllegalStateException("scoring failed at row 5000");
    })).isInstanceOf(IllegalStateException.class).hasMessageContaining("row 5000");
    assertThat(file).hasContent("previous");
    assertThat(AtomicFileTest.listing(dir)).containsExactly("predictions.csv");
  }

  @Test
  void aRowOfTheWrongWidthFailsAndCloseThenDiscardsTheFile() throws IOException {
    Path file = previous();
    assertThatThrownBy(() -> {
      try (PredictionsWriter out = PredictionsWriter.open(file, false, 2)) {
        out.write(0, new double[] {0.1, 0.9}, Double.NaN);
        out.write(1, new double[] {0.9}, Double.NaN);
      }
    }).isInstanceOf(SpecException.class).hasMessageContaining("expected 2 outputs per row, got 1")
        .hasMessageContaining("got 1");
    assertThat(file).hasContent("previous");
    assertThat(AtomicFileTest.listing(dir)).containsExactly("predictions.csv");
  }

  @Test
  void refusesZeroClasses() {
    assertThatThrownBy(() -> PredictionsWriter.open(dir.resolve("p.csv"), false, 0))
        .isInstanceOf(SpecException.class).hasMessageContaining("got 0");
  }
}
