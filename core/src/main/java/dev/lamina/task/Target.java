package dev.lamina.task;

import java.util.List;

/**
 * What a run knows of one target column before deciding its {@link Task}.
 *
 * @param name the column name
 * @param classes the sorted class names when the column holds text (scikit-learn's
 *     {@code LabelEncoder} order), empty when it holds numbers
 * @param binary whether every value is 0 or 1 (numbers), or there are exactly two classes (text)
 */
public record Target(String name, List<String> classes, boolean binary) {
  /** Copies the list. */
  public Target {
    classes = List.copyOf(classes);
  }

  /** A numeric column. */
  public static Target numeric(String name, boolean zeroOrOne) {
    return new Target(name, List.of(), zeroOrOne);
  }

  /** Whether the column holds text labels. */
  public boolean text() {
    return !classes.isEmpty();
  }
}
