package dev.lamina.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading CSV files: the formats that must work and the exact message for each broken file. */
class CsvReadingTest {
  @TempDir
  Path dir;

  private PreparedData prepare(String csv, Specs spec) throws IOException {
    return TablePipeline.prepare(spec.build(), Specs.write(dir, "data.csv", csv), null, 1);
  }

  private String name() {
    return dir.resolve("data.csv").toString();
  }

  @Test
  void quotedValuesMayHoldCommasQuotesAndLineBreaks() throws IOException {
    PreparedData d = prepare("name,x,y\n\"Smith, J\",1,0\n\"say \"\"hi\"\"\nthere\",2,1\nplain,3,0\n",
        Specs.target("y").labelEncode("name"));
    // sorted levels: "Smith, J" < "plain" < "say \"hi\"\nthere" (upper case sorts first)
    assertThat(d.xTrain()).isDeepEqualTo(new double[][] {{0, 1}, {2, 2}, {1, 3}});
    assertThat(d.pipeline().toMap().toString()).contains("say \"hi\"\nthere");
  }

  @Test
  void aQuotedLineBreakShiftsTheLineButNotTheRow() throws IOException {
    assertThatThrownBy(() -> prepare("name,x,y\n\"two\nlines\",1,0\nb,oops,1\nc,3,0\n",
        Specs.target("y").labelEncode("name")))
        .isInstanceOf(DataException.class)
        .hasMessage(name() + " row 2 (line 4), column 'x': 'oops' is not a number; fix the value,"
            + " or if the column is categorical add it to one_hot or label_encode")
        .satisfies(e -> {
          DataException d = (DataException) e;
          assertThat(d.row()).isEqualTo(2);
          assertThat(d.line()).isEqualTo(4);
          assertThat(d.column()).isEqualTo("x");
        });
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"LF", "CRLF", "mixed", "BOM", "blank final line", "blank lines between"})
  void lineEndingsBomAndBlankLinesReadTheSame(String variant) throws IOException {
    String csv = switch (variant) {
      case "LF" -> "a,b,y\n1,2,0\n3,4,1\n";
      case "CRLF" -> "a,b,y\r\n1,2,0\r\n3,4,1\r\n";
      case "mixed" -> "a,b,y\r\n1,2,0\n3,4,1\r\n";
      case "BOM" -> "\uFEFFa,b,y\r\n1,2,0\r\n3,4,1";
      case "blank final line" -> "a,b,y\n1,2,0\n3,4,1\n\n";
      default -> "a,b,y\n\n1,2,0\r\n\r\n3,4,1\n";
    };
    PreparedData d = prepare(csv, Specs.target("y"));
    assertThat(d.featureNames()).containsExactly("a", "b");
    assertThat(d.xTrain()).isDeepEqualTo(new double[][] {{1, 2}, {3, 4}});
    assertThat(d.yTrain()).containsExactly(0, 1);
    assertThat(d.trainRows()).containsExactly(1, 2);
  }

  @Test
  void surroundingSpacesAreIgnored() throws IOException {
    PreparedData d = prepare(" a , b ,y\n 1.5 , x ,0\n2, x,1\n", Specs.target("y").labelEncode("b"));
    assertThat(d.featureNames()).containsExactly("a", "b");
    assertThat(d.xTrain()).isDeepEqualTo(new double[][] {{1.5, 0}, {2, 0}});
  }

  @Test
  void raggedRowNamesRowAndBothCounts() {
    assertThatThrownBy(() -> prepare("a,b,y\n1,2,0\n3,1\n", Specs.target("y")))
        .isInstanceOf(DataException.class)
        .hasMessage(name() + " row 2 (line 3): the row has 2 fields but the header has 3; check for"
            + " a missing or extra comma, and quote values that contain commas");
  }

  @Test
  void textInNumericColumnNamesRowAndColumn() {
    assertThatThrownBy(() -> prepare("Age,y\n30,0\n41,1\nabc,0\n25,1\n", Specs.target("y")))
        .isInstanceOf(DataException.class)
        .hasMessage(name() + " row 3 (line 4), column 'Age': 'abc' is not a number; fix the value,"
            + " or if the column is categorical add it to one_hot or label_encode");
  }

  @Test
  void aTextColumnThatIsNotEncodedSaysHowToEncodeIt() {
    assertThatThrownBy(() -> prepare("Geography,y\nFrance,0\nSpain,1\n", Specs.target("y")))
        .isInstanceOf(DataException.class)
        .hasMessage(name() + ", column 'Geography': the column holds text, not numbers (e.g."
            + " 'France' in row 1); add it to one_hot or label_encode, or drop it");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Inf", "-inf", "Infinity", "+INF"})
  void infiniteLiteralsAreRefused(String literal) {
    assertThatThrownBy(() -> prepare("a,y\n1,0\n2,0\n" + literal + ",1\n", Specs.target("y")))
        .isInstanceOf(DataException.class)
        .hasMessage(name() + " row 3 (line 4), column 'a': '" + literal + "' is infinite, and a"
            + " network cannot learn from infinite values; replace it with a finite number, or leave"
            + " the cell empty and add a fill_missing rule for 'a'");
  }

  @Test
  void numbersBeyondDoubleRangeAreRefused() {
    assertThatThrownBy(() -> prepare("a,y\n1,0\n2,0\n1e999,1\n", Specs.target("y")))
        .hasMessage(name() + " row 3 (line 4), column 'a': '1e999' is too large for a double"
            + " (beyond 1.8e308); rescale the column or fix the value");
  }

  @Test
  void emptyFile() {
    assertThatThrownBy(() -> prepare("", Specs.target("y")))
        .isInstanceOf(DataException.class)
        .hasMessage(name() + ": the file is empty; a CSV needs a header row with the column names"
            + " and at least one data row");
  }

  @Test
  void headerOnly() {
    assertThatThrownBy(() -> prepare("a,b,y\r\n", Specs.target("y")))
        .isInstanceOf(DataException.class)
        .hasMessage(name() + ": the file has a header (a, b, y) but no data rows; add rows below"
            + " the header");
  }

  @Test
  void duplicateHeaderNames() {
    assertThatThrownBy(() -> prepare("a,b,a,y\n1,2,3,0\n", Specs.target("y")))
        .isInstanceOf(DataException.class)
        .hasMessage(name() + " line 1, column 'a': the header names this column twice (fields 1"
            + " and 3); give each column a unique name");
  }

  @Test
  void anEmptyHeaderNameBecomesUnnamedLikePandas() throws IOException {
    PreparedData d = prepare(",a,y\n0,5,1\n1,6,0\n", Specs.target("y"));
    assertThat(d.featureNames()).containsExactly("Unnamed: 0", "a");
  }

  @Test
  void unclosedQuote() {
    assertThatThrownBy(() -> prepare("a,y\n1,0\n\"2,1\n3,0\n", Specs.target("y")))
        .isInstanceOf(DataException.class)
        .hasMessageStartingWith(name() + " line 5: malformed CSV: Missing closing quote for value;"
            + " a value that contains a comma, quote or line break must be enclosed in double quotes");
  }

  @Test
  void missingFileSuggestsASimilarFileInTheSameFolder() throws IOException {
    Files.writeString(dir.resolve("churn.csv"), "a,y\n1,0\n");
    Path wrong = dir.resolve("chrun.csv");
    assertThatThrownBy(() -> TablePipeline.prepare(Specs.target("y").build(), wrong, null, 1))
        .isInstanceOf(DataException.class)
        .hasMessage(wrong + ": file not found (looked for " + wrong.toAbsolutePath().normalize()
            + "). Did you mean " + dir.resolve("churn.csv") + "? Check the path in the spec or on"
            + " the command line (--data).");
  }

  @Test
  void missingFolderIsNamed() {
    Path wrong = dir.resolve("nodata").resolve("churn.csv");
    assertThatThrownBy(() -> TablePipeline.prepare(Specs.target("y").build(), wrong, null, 1))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("file not found")
        .hasMessageContaining("The folder " + dir.resolve("nodata") + " does not exist.");
  }
}
