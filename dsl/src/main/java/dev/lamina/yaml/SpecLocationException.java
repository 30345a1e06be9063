package dev.lamina.yaml;

import dev.lamina.spec.SpecException;

/**
 * A {@link SpecException} that knows the file, line and column it comes from, so the command line
 * prints one line an editor can jump to:
 * {@code model.yaml:8:22: layers[0].dense.units: expected a whole number, got 'six'}.
 *
 * <p>When the place is unknown (a file too large to read) the message is {@code model.yaml: ...}.
 */
public final class SpecLocationException extends SpecException {
  private static final long serialVersionUID = 1L;
  private final String file;
  private final SourceMark mark;

  /**
   * @param file the file name as the user gave it
   * @param mark where in the file, possibly {@link SourceMark#UNKNOWN}
   * @param path the spec path, possibly empty
   * @param detail what is wrong and how to fix it
   */
  public SpecLocationException(String file, SourceMark mark, String path, String detail) {
    this(file, mark, path, detail, null);
  }

  /** As the four-argument constructor, keeping {@code cause} for debugging. */
  public SpecLocationException(String file, SourceMark mark, String path, String detail, Throwable cause) {
    super(path, detail);
    this.file = file;
    this.mark = mark == null ? SourceMark.UNKNOWN : mark;
    if (cause != null) {
      initCause(cause);
    }
  }

  /** The file name as the user gave it. */
  public String file() {
    return file;
  }

  /** The 1-based line, or 0 when unknown. */
  public int line() {
    return mark.line();
  }

  /** The 1-based column, or 0 when unknown. */
  public int column() {
    return mark.column();
  }

  /** The position. */
  public SourceMark mark() {
    return mark;
  }

  /** {@code file:line:column}, or just the file when the position is unknown. */
  public String location() {
    return mark.isKnown() ? file + ":" + mark : file;
  }

  /** {@code file:line:column: path: detail}. */
  @Override
  public String getMessage() {
    String where = path().isEmpty() ? detail() : path() + ": " + detail();
    return location() + ": " + where;
  }
}
