package dev.lamina.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamina.spec.SpecException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictionsCsvTest {
  @TempDir Path dir;

  @Test
  void writesRowsWithTrueLabels() throws IOException {
    Path file = dir.resolve("predictions.csv");
    PredictionsCsv.write(file, new long[] {0, 1, 7}, new double[] {0.9, 0.1234567890123, 0.5},
        0.5, new double[] {1, 0, 1});
    assertThat(Files.readString(file)).isEqualTo("""
        row,p_1,predicted_class,true_label
        0,0.9,1,1
        1,0.1234567890123,0,0
        7,0.5,0,1
        """);
  }

  @Test
  void omitsTheTrueLabelColumnWithoutLabels() throws IOException {
    Path file = dir.resolve("predictions.csv");
    PredictionsCsv.write(file, new long[] {3}, new double[] {0.75}, 0.5, null);
    assertThat(Files.readString(file)).isEqualTo("row,p_1,predicted_class\n3,0.75,1\n");
  }

  @Test
  void classOneNeedsAProbabilityStrictlyAboveTheThreshold() throws IOException {
    Path file = dir.resolve("p.csv");
    PredictionsCsv.write(file, new long[] {0, 1, 2}, new double[] {0.3, 0.3000000000000001, 0.29},
        0.3, null);
    assertThat(Files.readAllLines(file))
        .containsExactly("row,p_1,predicted_class", "0,0.3,0", "1,0.3000000000000001,1",
            "2,0.29,0");
  }

  @Test
  void writesProbabilitiesWithFullPrecision() throws IOException {
    double p = 0.6931471824645996;
    Path file = dir.resolve("p.csv");
    PredictionsCsv.write(file, new long[] {0}, new double[] {p}, 0.5, null);
    String value = Files.readAllLines(file).get(1).split(",")[1];
    assertThat(Double.parseDouble(value)).isEqualTo(p);
  }

  @Test
  void aNanProbabilityIsClassZero() throws IOException {
    Path file = dir.resolve("p.csv");
    PredictionsCsv.write(file, new long[] {0}, new double[] {Double.NaN}, 0.5, null);
    assertThat(Files.readAllLines(file)).containsExactly("row,p_1,predicted_class",
        "0,nan,0");
  }

  @Test
  void refusesArraysOfDifferentLengthsAndKeepsThePreviousFile() throws IOException {
    Path file = dir.resolve("p.csv");
    Files.writeString(file, "previous");
    assertThatThrownBy(() -> PredictionsCsv.write(file, new long[] {0, 1}, new double[] {0.5},
        0.5, null)).isInstanceOf(SpecException.class).hasMessageContaining("probabilities")
        .hasMessageContaining("2").hasMessageContaining("1");
    assertThat(file).hasContent("previous");
    assertThat(AtomicFileTest.listing(dir)).containsExactly("p.csv");
  }
}
