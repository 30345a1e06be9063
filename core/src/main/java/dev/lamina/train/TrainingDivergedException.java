package dev.lamina.train;

/**
 * Thrown by front ends (after saving what they could) when a training stopped because its loss or
 * gradients became NaN or infinite; the message is {@link Divergence#message()}.
 */
public final class TrainingDivergedException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient Divergence divergence;

  /** The exception for {@code divergence}, with {@code suffix} appended to its message (may be empty). */
  public TrainingDivergedException(Divergence divergence, String suffix) {
    super(divergence.message() + suffix);
    this.divergence = divergence;
  }

  /** The diagnosis. */
  public Divergence divergence() {
    return divergence;
  }
}
