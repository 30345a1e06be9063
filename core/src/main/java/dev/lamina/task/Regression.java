package dev.lamina.task;

import java.util.List;

/**
 * A regression: one or several numeric targets, one output each, in the order of
 * {@link #targets()}. No class, probability or threshold applies.
 *
 * @param targets the target columns, in output order
 */
public record Regression(List<String> targets) implements Task {
  /** {@link #kind()} of this task. */
  public static final String KIND = "regression";

  /** Copies the list. */
  public Regression {
    targets = List.copyOf(targets);
  }

  @Override
  public String kind() {
    return KIND;
  }
}
