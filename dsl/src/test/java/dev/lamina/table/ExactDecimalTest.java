package dev.lamina.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Both fast paths of {@link Cells#finiteValue} (Clinger's and FastDoubleParser's) give the very double {@link Double#parseDouble} gives. */
class ExactDecimalTest {
  private static final int RANDOM_CELLS = 200_000;
  private static final String DIGITS = "0123456789";

  @ParameterizedTest(name = "''{0}''")
  @ValueSource(strings = {"0", "-0", "+0", "-0.0", "0.000", "729", "120527.79", "6367.19", "0.1", "-3.5", "+3.", ".5",
      "1e-3", "1E+10", "007", "0.05", "123456789012345", "1234567890123456", "9007199254740993", "1e22", "1e23",
      "4.35e-22", "1.5e300", "1e-400", "0e99999", "99999999999999.9", "3.0000000000000000001", "8.41e21",
      "123456789012345e-22", "123456789012345e22", "1e-99999", "00000000000000000000000001.5", ".0000000000000000001"})
  void theseCellsParseAsJavaParsesThem(String cell) {
    assertThat(Double.doubleToRawLongBits(Cells.finiteValue(cell)))
        .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(cell)));
  }

  /** Every string of up to six characters over signs, point, exponent and digits that is a plain decimal. */
  @Test
  void everyShortDecimalParsesAsJavaParsesIt() {
    java.util.regex.Pattern grammar = java.util.regex.Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    List<String> strings = new ArrayList<>(List.of(""));
    List<String> disagreements = new ArrayList<>();
    for (int length = 1; length <= 6; length++) {
      List<String> longer = new ArrayList<>();
      for (String s : strings) {
        for (char c : "+-.e0159".toCharArray()) {
          String t = s + c;
          longer.add(t);
          if (grammar.matcher(t).matches()
              && Double.doubleToRawLongBits(Cells.decimal(t)) != Double.doubleToRawLongBits(Double.parseDouble(t))) {
            disagreements.add(t);
          }
        }
      }
      strings = longer;
    }
    assertThat(disagreements).isEmpty();
  }

  @Test
  void randomDecimalsParseAsJavaParsesThem() {
    Random random = new Random(7);
    List<String> disagreements = new ArrayList<>();
    for (int k = 0; k < RANDOM_CELLS; k++) {
      String cell = randomDecimal(random);
      double fast = Cells.finiteValue(cell);
      double slow = Double.parseDouble(cell);
      if (Double.isFinite(slow) && Double.doubleToRawLongBits(fast) != Double.doubleToRawLongBits(slow)) {
        disagreements.add(cell);
      }
    }
    assertThat(disagreements).isEmpty();
  }

  /** numpy's and Java's exact output ({@code %.17g}, {@code repr}): the cells the long path reads. */
  @Test
  void everyDoubleWrittenWithSeventeenDigitsReadsBackToItself() {
    Random random = new Random(11);
    List<String> disagreements = new ArrayList<>();
    for (int k = 0; k < RANDOM_CELLS; k++) {
      double d = Double.longBitsToDouble(random.nextLong());
      if (!Double.isFinite(d)) {
        continue;
      }
      for (String cell : List.of(String.format(java.util.Locale.ROOT, "%.17g", d), Double.toString(d),
          new java.math.BigDecimal(d).toPlainString())) {
        if (Double.doubleToRawLongBits(Cells.finiteValue(cell)) != Double.doubleToRawLongBits(Double.parseDouble(cell))) {
          disagreements.add(cell);
        }
      }
    }
    assertThat(disagreements).isEmpty();
  }

  @ParameterizedTest(name = "''{0}''")
  @ValueSource(strings = {"4.9406564584124654e-324", "2.4703282292062327e-324", "2.4703282292062328e-324",
      "2.2250738585072011e-308", "2.2250738585072014e-308", "1.7976931348623157e308", "1.7976931348623158e308",
      "9007199254740993.0000000000000001", "0.30000000000000004", "123456789012345678901234567890e-30"})
  void hardCasesOfTheLongPathParseAsJavaParsesThem(String cell) {
    assertThat(Double.doubleToRawLongBits(Cells.finiteValue(cell)))
        .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(cell)));
  }

  private static String randomDecimal(Random random) {
    StringBuilder sb = new StringBuilder();
    if (random.nextInt(4) == 0) {
      sb.append(random.nextBoolean() ? '-' : '+');
    }
    int whole = random.nextInt(18);
    int fraction = random.nextInt(18);
    if (whole == 0 && fraction == 0) {
      whole = 1;
    }
    for (int i = 0; i < whole; i++) {
      sb.append(DIGITS.charAt(random.nextInt(10)));
    }
    if (fraction > 0 || random.nextBoolean()) {
      sb.append('.');
    }
    for (int i = 0; i < fraction; i++) {
      sb.append(DIGITS.charAt(random.nextInt(10)));
    }
    if (random.nextInt(3) == 0) {
      sb.append(random.nextBoolean() ? 'e' : 'E').append(random.nextInt(3) == 0 ? "-" : "").append(random.nextInt(40));
    }
    return sb.toString();
  }
}
