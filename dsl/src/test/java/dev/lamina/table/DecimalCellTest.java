package dev.lamina.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-written decimal scanner of {@link Cells} accepts exactly the documented grammar. */
class DecimalCellTest {
  /** The grammar as a regular expression, the reference the scanner must agree with. */
  private static final Pattern GRAMMAR = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
  private static final String ALPHABET = "+-.eE07x";
  private static final int MAX_LENGTH = 6;

  @ParameterizedTest(name = "''{0}''")
  @ValueSource(strings = {"0", "42", "-3.5", "+3.", ".5", "1e-3", "1E+10", " 7 ", "619", "0.00", "1.5e300"})
  void theseCellsAreNumbers(String cell) {
    assertThat(Cells.isNumber(cell)).isTrue();
  }

  @ParameterizedTest(name = "''{0}''")
  @ValueSource(strings = {"", ".", "+", "-.", "e5", "1e", "1e+", "0x1p3", "1d", "Inf", "NaN", "1,5", "1e999", "١٢",
      "France", "1 2"})
  void theseCellsAreNotNumbers(String cell) {
    assertThat(Cells.isNumber(cell)).isFalse();
  }

  @Test
  void theScannerAgreesWithTheGrammarOnEveryShortString() {
    List<String> disagreements = new ArrayList<>();
    List<String> strings = new ArrayList<>(List.of(""));
    for (int length = 1; length <= MAX_LENGTH; length++) {
      List<String> longer = new ArrayList<>();
      for (String s : strings) {
        for (char c : ALPHABET.toCharArray()) {
          String t = s + c;
          longer.add(t);
          if (Cells.isDecimal(t) != GRAMMAR.matcher(t).matches()) {
            disagreements.add(t);
          }
        }
      }
      strings = longer;
    }
    assertThat(disagreements).isEmpty();
  }

  @Test
  void finiteValueIsTheParsedNumberOrNaN() {
    assertThat(Cells.finiteValue(" -2.5e1 ")).isEqualTo(-25.0);
    assertThat(Cells.finiteValue("1e400")).isNaN();
    assertThat(Cells.finiteValue("text")).isNaN();
  }
}
