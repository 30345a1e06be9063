package dev.lamina.spec;

/**
 * A model spec, argument or input that Lamina refuses, with the place it was found.
 *
 * <p>{@link #path()} is a dotted path into the spec ({@code layers[2].dense.units}) or empty; the
 * YAML front end turns it into {@code file:line:column}. The message says what is wrong and how to
 * fix it; it never needs a stack trace to be understood.
 */
public class SpecException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final String path;
  private final String detail;

  /** An error at {@code path} (may be empty) with a message that says what and how to fix. */
  public SpecException(String path, String detail) {
    super(path == null || path.isEmpty() ? detail : path + ": " + detail);
    this.path = path == null ? "" : path;
    this.detail = detail;
  }

  /** Where in the spec the problem is, as a dotted path; empty when not tied to a place. */
  public String path() {
    return path;
  }

  /** The message without the path prefix. */
  public String detail() {
    return detail;
  }
}
