package dev.lamina.task;

import java.util.List;

/**
 * A multi-class classifier: one target of k classes, k softmax outputs (one probability per class,
 * in the order of {@link #classes()}), the prediction being the most probable class.
 *
 * @param target the target column
 * @param classes the class names in output order ({@code "0"} .. {@code "k-1"} for a numeric target)
 */
public record MultiClass(String target, List<String> classes) implements Task {
  /** {@link #kind()} of this task. */
  public static final String KIND = "multi_class";

  /** Copies the list. */
  public MultiClass {
    classes = List.copyOf(classes);
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public List<String> targets() {
    return List.of(target);
  }

  @Override
  public int outputs() {
    return classes.size();
  }
}
