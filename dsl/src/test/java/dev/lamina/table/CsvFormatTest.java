package dev.lamina.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamina.spec.SpecException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code data: {delimiter, decimal, encoding}}: a file written the European Excel way, or in
 * Latin-1, reads to exactly the numbers of its plain comma, point, UTF-8 twin, and the fitted
 * pipeline keeps the format for {@code predict}.
 */
class CsvFormatTest {
  private static final Path GOOD = Path.of("src", "test", "resources", "bad", "good.csv").toAbsolutePath();

  @TempDir
  Path dir;

  private static DataSpec spec(CsvFormat format) {
    return new DataSpec(null, null, "label", List.of(), List.of(), List.of("color"), true, List.of(), "standard", 0.25,
        false, Map.of(), null, format);
  }

  @Test
  void semicolonsAndDecimalCommasReadAsTheCommaFileDoes() throws IOException {
    StringBuilder european = new StringBuilder();
    for (String line : Files.readAllLines(GOOD)) {
      european.append(line.replace(',', ';').replace('.', ',')).append('\n');
    }
    Path eu = Files.writeString(dir.resolve("eu.csv"), european);
    PreparedMatrices plain = TablePipeline.prepareFlat(spec(null), GOOD, null, 7);
    PreparedMatrices read = TablePipeline.prepareFlat(spec(CsvFormat.of(";", ",", null)), eu, null, 7);
    assertThat(read.xTrain()).containsExactly(plain.xTrain());
    assertThat(read.xTest()).containsExactly(plain.xTest());
    assertThat(read.yTrain()).containsExactly(plain.yTrain());
    // The model file keeps the format, so predict reads the same kind of file.
    FittedPipeline back = FittedPipeline.fromMap(read.pipeline().toMap());
    assertThat(back.hasTargetColumn(eu)).isTrue();
    assertThat(plain.pipeline().toMap()).doesNotContainKey("csv_format");
  }

  @Test
  void latin1TextReadsWithItsEncoding() throws IOException {
    String text = Files.readString(GOOD).replace("green", "gr\u00fcn");
    Path latin = dir.resolve("latin.csv");
    Files.write(latin, text.getBytes(StandardCharsets.ISO_8859_1));
    Path utf8 = Files.writeString(dir.resolve("utf8.csv"), text);
    PreparedMatrices a = TablePipeline.prepareFlat(spec(CsvFormat.of(null, null, "latin-1")), latin, null, 7);
    PreparedMatrices b = TablePipeline.prepareFlat(spec(null), utf8, null, 7);
    assertThat(a.featureNames()).isEqualTo(b.featureNames()).contains("color_gr\u00fcn");
    assertThat(a.xTrain()).containsExactly(b.xTrain());
    assertThatThrownBy(() -> TablePipeline.prepareFlat(spec(null), latin, null, 7)).isInstanceOf(DataException.class)
        .hasMessageContaining("byte 0xfc is not UTF-8 text");
  }

  @Test
  void aDecimalCommaNeedsAnotherDelimiter() {
    assertThatThrownBy(() -> CsvFormat.of(",", ",", null)).isInstanceOf(SpecException.class)
        .hasMessageContaining("files with decimal commas use delimiter: ';'");
    assertThatThrownBy(() -> CsvFormat.of(";;", null, null)).isInstanceOf(SpecException.class)
        .hasMessageContaining("a single character");
  }
}
