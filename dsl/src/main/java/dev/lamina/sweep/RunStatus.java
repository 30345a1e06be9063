package dev.lamina.sweep;

/** How a sweep run ended. */
public enum RunStatus {
  /** Trained to the end (or to an early stop) with finite losses. */
  OK,
  /** A loss became NaN or infinite; training stopped there. */
  DIVERGED,
  /** An exception stopped the run; its message is kept. */
  FAILED;

  /** Lower-case, as written in the outputs. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
