package dev.lamina.table;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Guesses, for error messages, how a file that does not read well is written: another delimiter
 * (Excel's semicolons in many European locales, tabs), decimal commas, thousands separators. Only
 * messages use the guesses; reading never changes on its own: the user sets the format in the spec
 * ({@link CsvFormat}), so a run always means the same thing.
 */
final class CsvSniffer {
  private static final Pattern DECIMAL_COMMA = Pattern.compile("[+-]?[0-9]+,[0-9]+([eE][+-]?[0-9]+)?");
  private static final Pattern THOUSANDS = Pattern.compile("[+-]?[0-9]{1,3}(,[0-9]{3})+(\\.[0-9]+)?");

  private CsvSniffer() {}

  /**
   * What a ragged row suggests: another delimiter that splits the header into more names and this
   * row into as many fields, as a sentence ending in the setting to use, or null.
   */
  static String otherFormat(CsvFormat format, List<String> header, String[] row) {
    String delimiter = String.valueOf(format.delimiter());
    String headerText = String.join(delimiter, header);
    String rowText = String.join(delimiter, row);
    for (char c : CsvFormat.DELIMITERS) {
      if (c == format.delimiter()) {
        continue;
      }
      String[] names = headerText.split(Pattern.quote(String.valueOf(c)), -1);
      String[] cells = rowText.split(Pattern.quote(String.valueOf(c)), -1);
      if (names.length >= 2 && names.length > header.size() && cells.length == names.length) {
        boolean commas = c != ',' && anyMatch(cells, DECIMAL_COMMA);
        return "this file looks " + name(c) + "-separated (its header has " + names.length + " names separated by "
            + shown(c) + ")" + (commas ? ", with decimal commas" : "") + "; set data: {"
            + CsvFormat.setting(c, commas ? ',' : '.') + "}";
      }
    }
    return null;
  }

  /**
   * What a one-name header suggests: the delimiter that splits it, as a sentence ending in the
   * setting, or null.
   */
  static String headerFormat(CsvFormat format, List<String> header) {
    if (header.size() != 1) {
      return null;
    }
    for (char c : CsvFormat.DELIMITERS) {
      if (c != format.delimiter() && header.get(0).indexOf(c) >= 0) {
        return "its header is one name, '" + header.get(0) + "': this file looks " + name(c) + "-separated; set data: {"
            + CsvFormat.setting(c, '.') + "}";
      }
    }
    return null;
  }

  /** Why a cell that is not a number looks like one written another way, as a clause, or "" (none). */
  static String numberHint(String cell) {
    if (THOUSANDS.matcher(cell).matches()) {
      return " (it is written with thousands separators: write " + cell.replace(",", "") + " in the file)";
    }
    if (DECIMAL_COMMA.matcher(cell).matches()) {
      return " (it has a decimal comma: set data: {delimiter: ';', decimal: ','} for a semicolon-separated file, or"
          + " write " + cell.replace(',', '.') + ")";
    }
    return "";
  }

  /** {@code cell} with its decimal comma made a point when it is a number written with one, else as it is. */
  static String decimalPoint(String cell) {
    return cell.indexOf(',') >= 0 && DECIMAL_COMMA.matcher(cell.strip()).matches() ? cell.replace(',', '.') : cell;
  }

  private static boolean anyMatch(String[] cells, Pattern p) {
    for (String c : cells) {
      if (p.matcher(c.strip()).matches()) {
        return true;
      }
    }
    return false;
  }

  private static String name(char c) {
    return switch (c) {
      case ';' -> "semicolon";
      case '\t' -> "tab";
      case '|' -> "pipe";
      default -> "comma";
    };
  }

  private static String shown(char c) {
    return c == '\t' ? "tabs" : "'" + c + "'";
  }
}
