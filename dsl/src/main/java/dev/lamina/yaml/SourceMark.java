package dev.lamina.yaml;

/**
 * A position in a YAML file, 1-based like an editor's status bar ({@code line:column}).
 *
 * <p>A line of 0 means "no particular place" (for example a file that is too large to read),
 * and then {@link #toString()} is empty.
 *
 * @param line the line, from 1 (0 when unknown)
 * @param column the column, from 1 (0 when unknown)
 */
public record SourceMark(int line, int column) {
  /** The mark used when the position is not known. */
  public static final SourceMark UNKNOWN = new SourceMark(0, 0);
  /** The start of a file. */
  public static final SourceMark START = new SourceMark(1, 1);

  /** SnakeYAML's 0-based mark as a 1-based one; null becomes {@link #UNKNOWN}. */
  static SourceMark of(org.yaml.snakeyaml.error.Mark mark) {
    return mark == null ? UNKNOWN : new SourceMark(mark.getLine() + 1, mark.getColumn() + 1);
  }

  /** Whether this mark points at a real place. */
  public boolean isKnown() {
    return line > 0;
  }

  /** {@code line:column}, or the empty string when unknown. */
  @Override
  public String toString() {
    return isKnown() ? line + ":" + column : "";
  }
}
