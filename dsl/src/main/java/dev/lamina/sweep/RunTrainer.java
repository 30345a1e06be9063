package dev.lamina.sweep;

import java.io.Serializable;

/** Trains one run of a sweep; must be safe to call from several threads at once. */
@FunctionalInterface
public interface RunTrainer extends Serializable {
  /** Trains {@code run} and reports the outcome; never throws for a run that fails (status FAILED). */
  SweepResult train(SweepRun run);
}
