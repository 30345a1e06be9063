package dev.lamina.task;

import java.util.List;

/**
 * A multi-label classifier: several 0/1 target columns, one sigmoid output each (the probability
 * that the label is 1); every label is decided at the model's one threshold ({@code predict.threshold}).
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
