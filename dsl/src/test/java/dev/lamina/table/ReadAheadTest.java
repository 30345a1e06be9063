package dev.lamina.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reading ahead on a second thread ({@link ReadAhead}) stores exactly what reading on one thread
 * stores, throws the same first error, and leaves no thread behind.
 */
class ReadAheadTest {
  private static final long ALWAYS = 0;
  private static final long NEVER = Long.MAX_VALUE;

  @TempDir
  Path dir;

  @ParameterizedTest(name = "{0} columns")
  @ValueSource(ints = {1, 4, 12, 17, 100, 1000, 16_384, 100_000})
  void theRowCountEstimateFallsOnAChunkBoundary(int columns) {
    int rows = ReadAhead.chunkRows(columns);
    assertThat(ColumnStore.ESTIMATE_AT_ROW % rows).isZero();
    assertThat(rows).isBetween(1, ReadAhead.CHUNK_ROWS);
    assertThat((long) rows * columns).isLessThanOrEqualTo(Math.max(columns, ReadAhead.CHUNK_CELLS));
  }

  @Test
  void aWideFileIsHandedOverInShorterChunks() throws IOException {
    StringBuilder b = new StringBuilder();
    int columns = 2000;
    for (int c = 0; c < columns; c++) {
      b.append(c == 0 ? "" : ",").append("c").append(c);
    }
    b.append('\n');
    for (int r = 0; r < 40; r++) {
      for (int c = 0; c < columns; c++) {
        b.append(c == 0 ? "" : ",").append(r * c % 97);
      }
      b.append('\n');
    }
    Path csv = write(b.toString());
    Map<String, ColumnStore.Kind> plan = new LinkedHashMap<>();
    plan.put("c1", ColumnStore.Kind.NUMBER);
    plan.put("c1999", ColumnStore.Kind.NUMBER);
    assertThat(summary(ColumnStore.read(csv, CsvFormat.DEFAULT, h -> plan, ALWAYS)))
        .isEqualTo(summary(ColumnStore.read(csv, CsvFormat.DEFAULT, h -> plan, NEVER)));
    assertThat(ReadAhead.chunkRows(columns)).isEqualTo(2);
  }

  @ParameterizedTest(name = "{0} rows")
  @ValueSource(ints = {1, 255, 256, 1024, 5000, 20_000})
  void readingAheadStoresWhatOneThreadStores(int rows) throws IOException {
    Path csv = write(table(rows, -1));
    assertThat(summary(read(csv, ALWAYS))).isEqualTo(summary(read(csv, NEVER)));
    assertNoReaderThread();
  }

  @Test
  void theHashAndTheLinesAreThoseOfOneThread() throws IOException {
    Path csv = write(table(3000, -1));
    ColumnStore ahead = read(csv, ALWAYS);
    ColumnStore alone = read(csv, NEVER);
    assertThat(ahead.sha256()).isNotNull().isEqualTo(alone.sha256());
    assertThat(ahead.line(2999)).isEqualTo(alone.line(2999)).isGreaterThan(3001);
  }

  @ParameterizedTest(name = "bad row {0}")
  @ValueSource(ints = {1, 256, 257, 4000})
  void aRaggedRowFailsWithTheMessageOfOneThread(int bad) throws IOException {
    Path csv = write(table(5000, bad));
    String expected = message(() -> read(csv, NEVER));
    assertThat(expected).contains("row " + bad, "fields but the header has 4");
    assertThatThrownBy(() -> read(csv, ALWAYS)).isInstanceOf(DataException.class).hasMessage(expected);
    assertNoReaderThread();
  }

  @Test
  void aByteThatIsNotUtf8FailsWithTheMessageOfOneThread() throws IOException {
    byte[] text = table(3000, -1).getBytes(StandardCharsets.UTF_8);
    byte[] broken = new byte[text.length + 1];
    int at = text.length / 2;
    System.arraycopy(text, 0, broken, 0, at);
    broken[at] = (byte) 0xE9; // Latin-1's e-acute
    System.arraycopy(text, at, broken, at + 1, text.length - at);
    Path csv = Files.write(dir.resolve("latin1.csv"), broken);
    String expected = message(() -> read(csv, NEVER));
    assertThat(expected).contains("is not UTF-8");
    assertThatThrownBy(() -> read(csv, ALWAYS)).isInstanceOf(DataException.class).hasMessage(expected);
    assertNoReaderThread();
  }

  @Test
  void aColumnThePlanCannotFindIsReportedAfterTheRowsAsWithOneThread() throws IOException {
    Path csv = write(table(3000, 2500));
    String expected = message(() -> ColumnStore.read(csv, CsvFormat.DEFAULT, h -> {
      throw new IllegalArgumentException("no column 'nowhere'");
    }, NEVER));
    assertThat(expected).contains("row 2500");
    assertThatThrownBy(() -> ColumnStore.read(csv, CsvFormat.DEFAULT, h -> {
      throw new IllegalArgumentException("no column 'nowhere'");
    }, ALWAYS)).hasMessage(expected);
    assertNoReaderThread();
  }

  /**
   * A table of {@code rows} rows: whole numbers, 17-digit decimals, a category with quoted commas
   * and line breaks, a missing cell and a text cell; row {@code ragged} (1-based, or none) has a
   * field too many.
   */
  private static String table(int rows, int ragged) {
    StringBuilder b = new StringBuilder("id,x,city,y\n");
    for (int r = 1; r <= rows; r++) {
      String x = r == 17 ? "" : r == 29 ? "n/a" : String.format(java.util.Locale.ROOT, "%.17g", Math.sin(r) * 1e3);
      String city = r % 7 == 0 ? "\"Paris, France\"" : r % 11 == 0 ? "\"two\nlines\"" : "c" + r % 5;
      b.append(r).append(',').append(x).append(',').append(city).append(',').append(r % 2);
      b.append(r == ragged ? ",extra\n" : "\n");
    }
    return b.toString();
  }

  private Path write(String text) throws IOException {
    return Files.writeString(dir.resolve("data.csv"), text);
  }

  private static ColumnStore read(Path csv, long readAheadBytes) {
    Map<String, ColumnStore.Kind> plan = new LinkedHashMap<>();
    plan.put("id", ColumnStore.Kind.NUMBER);
    plan.put("x", ColumnStore.Kind.NUMBER);
    plan.put("city", ColumnStore.Kind.CODES);
    plan.put("y", ColumnStore.Kind.TARGET);
    return ColumnStore.read(csv, CsvFormat.DEFAULT, header -> plan, readAheadBytes);
  }

  /** Everything a store holds, as text: sizes, every value's bits or code, counts, first odd cells, lines. */
  private static List<String> summary(ColumnStore store) {
    List<String> out = new ArrayList<>(List.of(store.header().toString(), "rows " + store.size(), store.sha256()));
    for (String name : store.header()) {
      ColumnStore.Column c = store.column(name);
      if (c == null) {
        continue;
      }
      StringBuilder b = new StringBuilder(name).append(c.numeric() ? " numeric" : " codes " + c.values());
      for (int i = 0; i < store.size(); i++) {
        b.append(' ').append(c.numeric() ? Long.toHexString(Double.doubleToRawLongBits(c.number(i))) : c.code(i));
      }
      out.add(b.append(" numbers ").append(c.numberCount()).append(" texts ").append(c.textCount())
          .append(" first text ").append(c.firstText()).append(" first missing ").append(c.firstMissing()).toString());
    }
    StringBuilder lines = new StringBuilder("lines");
    for (int i = 0; i < store.size(); i++) {
      lines.append(' ').append(store.line(i));
    }
    out.add(lines.toString());
    return out;
  }

  private static String message(Runnable read) {
    try {
      read.run();
    } catch (RuntimeException e) {
      return e.getMessage();
    }
    throw new AssertionError("the read did not fail");
  }

  private static void assertNoReaderThread() {
    assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("lamina-csv-reader") && t.isAlive());
  }
}
