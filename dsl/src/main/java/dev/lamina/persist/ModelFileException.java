package dev.lamina.persist;

/** A model file that cannot be used: missing, corrupt, of another format or version (exit code 3). */
public class ModelFileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An error with a message that names the file and the problem. */
  public ModelFileException(String message) {
    super(message);
  }

  /** An error with its cause (kept for --debug). */
  public ModelFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
