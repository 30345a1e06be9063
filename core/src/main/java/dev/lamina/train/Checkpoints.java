package dev.lamina.train;

import java.util.function.Consumer;

/**
 * How a fit checkpoints and resumes: every {@code every} epochs the trainer hands a
 * {@link TrainingState} to {@code sink} (which writes it atomically), and when {@code resumeFrom}
 * is set the fit starts after that state's epochs with everything it held restored.
 *
 * @param every epochs between checkpoints; 0 for none
 * @param sink receives each checkpoint; may be null when {@code every} is 0
 * @param resumeFrom the state to continue from, or null to start fresh
 */
public record Checkpoints(int every, Consumer<TrainingState> sink, TrainingState resumeFrom) {
  /** No checkpoints, a fresh start. */
  public static final Checkpoints NONE = new Checkpoints(0, null, null);

  /** Validates. */
  public Checkpoints {
    if (every < 0) {
      throw new IllegalArgumentException("checkpoint interval must be >= 0 epochs, got " + every);
    }
    if (every > 0 && sink == null) {
      throw new IllegalArgumentException("checkpoints every " + every + " epochs need a sink to write them");
    }
  }

  /** Whether a checkpoint is due after the 0-based {@code epoch}. */
  public boolean dueAfter(int epoch) {
    return every > 0 && (epoch + 1) % every == 0;
  }
}
