package dev.lamina.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryFilesTest {
  @TempDir Path dir;

  /** Keys in compile order, as Keras 2 logs them; CSVLogger must still sort them. */
  private static Map<String, List<Double>> history() {
    Map<String, List<Double>> h = new LinkedHashMap<>();
    h.put("loss", List.of(0.6931471824645996, 0.5));
    h.put("accuracy", List.of(0.5, 0.75));
    h.put("val_loss", List.of(0.7, 0.625));
    h.put("val_accuracy", List.of(0.25, 0.5));
    return h;
  }

  private static String lines(String... lines) {
    return String.join("\r\n", lines) + "\r\n";
  }

  @Test
  void writesCsvLoggerLayout() throws IOException {
    Path file = dir.resolve("history.csv");
    HistoryFiles.writeCsv(file, history());
    assertThat(Files.readString(file)).isEqualTo(lines(
        "epoch,accuracy,loss,val_accuracy,val_loss",
        "0,0.5,0.6931471824645996,0.25,0.7",
        "1,0.75,0.5,0.5,0.625"));
  }

  @Test
  void sortsColumnsAlphabeticallyWhateverTheMapOrder() {
    Map<String, List<Double>> h = new LinkedHashMap<>();
    h.put("val_loss", List.of(1.0));
    h.put("learning_rate", List.of(0.001));
    h.put("loss", List.of(2.0));
    assertThat(HistoryFiles.csvColumns(h)).containsExactly("learning_rate", "loss", "val_loss");
  }

  @Test
  void addsValColumnsFilledWithNaWhenThereIsNoValidation() {
    Map<String, List<Double>> h = new LinkedHashMap<>();
    h.put("loss", List.of(0.5));
    h.put("accuracy", List.of(0.75));
    assertThat(HistoryFiles.toCsv(h)).isEqualTo(lines(
        "epoch,accuracy,loss,val_accuracy,val_loss",
        "0,0.75,0.5,NA,NA"));
  }

  @Test
  void writesNanAndInfinityAsPythonDoes() {
    Map<String, List<Double>> h = new LinkedHashMap<>();
    h.put("loss", List.of(Double.NaN, Double.POSITIVE_INFINITY));
    h.put("val_loss", List.of(Double.NEGATIVE_INFINITY, 1e-05));
    assertThat(HistoryFiles.toCsv(h)).isEqualTo(lines(
        "epoch,loss,val_loss",
        "0,nan,-inf",
        "1,inf,1e-05"));
  }

  @Test
  void writesNaForValuesAnEpochDoesNotHave() {
    Map<String, List<Double>> h = new LinkedHashMap<>();
    h.put("loss", List.of(0.5, 0.25, 0.125));
    h.put("val_loss", Arrays.asList(0.75, null));
    assertThat(HistoryFiles.toCsv(h)).isEqualTo(lines(
        "epoch,loss,val_loss",
        "0,0.5,0.75",
        "1,0.25,NA",
        "2,0.125,NA"));
  }

  @Test
  void anEmptyHistoryIsAHeaderAlone() {
    assertThat(HistoryFiles.toCsv(Map.of())).isEqualTo("epoch\r\n");
  }

  @Test
  void quotesAColumnNameHoldingTheSeparator() {
    Map<String, List<Double>> h = new LinkedHashMap<>();
    h.put("a,\"b\"", List.of(1.0));
    h.put("val_x", List.of(2.0));
    assertThat(HistoryFiles.toCsv(h)).startsWith("epoch,\"a,\"\"b\"\"\",val_x\r\n");
  }

  @Test
  void writesJsonInTheMapOrderWithNanAsNull() throws IOException {
    Map<String, List<Double>> h = new LinkedHashMap<>();
    h.put("loss", List.of(0.6931471824645996, Double.NaN));
    h.put("accuracy", List.of(0.5, 0.75));
    Path file = dir.resolve("history.json");
    HistoryFiles.writeJson(file, h);
    assertThat(Files.readString(file)).isEqualTo("""
        {
          "loss": [0.6931471824645996, null],
          "accuracy": [0.5, 0.75]
        }
        """);
  }

  @Test
  void countsEpochsByTheLongestList() {
    Map<String, List<Double>> h = new LinkedHashMap<>();
    h.put("loss", List.of(1.0, 2.0, 3.0));
    h.put("val_loss", List.of(1.0));
    assertThat(HistoryFiles.epochs(h)).isEqualTo(3);
  }
}
