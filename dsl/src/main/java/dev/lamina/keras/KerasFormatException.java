package dev.lamina.keras;

import dev.lamina.persist.ModelFileException;

/**
 * A Keras model file Lamina will not or cannot import: malformed, unsafe (Lambda layers, custom
 * objects, zip tricks, forged shapes), or using a layer Lamina does not have. The message names the
 * file, the place (layer, class, entry or dataset) and what is supported. As a
 * {@link ModelFileException} it maps to exit code 3 on the command line.
 */
public final class KerasFormatException extends ModelFileException {
  private static final long serialVersionUID = 1L;

  /** An error with a message naming the file and the problem. */
  public KerasFormatException(String message) {
    super(message);
  }

  /** An error with its cause (kept for --debug). */
  public KerasFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
