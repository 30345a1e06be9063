package dev.lamina.task;

import java.util.List;

/**
 * A binary classifier: one target of two classes, one sigmoid output giving the probability of
 * the second class ({@code classes.get(1)}, the positive one), and a decision threshold (its one
 * {@link Thresholds}).
 *
 * @param target the target column
 * @param classes the two class names, negative first ({@code ["0", "1"]} for a numeric target)
 */
public record Binary(String target, List<String> classes) implements Task {
  /** {@link #kind()} of this task. */
  public static final String KIND = "binary";

  /** Copies the list and checks its size. */
  public Binary {
    classes = List.copyOf(classes);
    if (classes.size() != 2) {
      throw new IllegalArgumentException("a binary task has two classes, got " + classes);
    }
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public List<String> targets() {
    return List.of(target);
  }
}
