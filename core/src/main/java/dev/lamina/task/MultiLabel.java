package dev.lamina.task;

import java.util.List;

/**
 * A multi-label classifier: several 0/1 target columns, one sigmoid output each (the probability
 * that the label is 1); each label is decided at its own threshold ({@link Thresholds}:
 * {@code predict: {threshold: {Weight: 0.4}}}, or one {@code predict.threshold} for all, default 0.5).
 *
 * @param targets the label columns, in output order
 */
public record MultiLabel(List<String> targets) implements Task {
  /** {@link #kind()} of this task. */
  public static final String KIND = "multi_label";

  /** Copies the list. */
  public MultiLabel {
    targets = List.copyOf(targets);
  }

  @Override
  public String kind() {
    return KIND;
  }
}
