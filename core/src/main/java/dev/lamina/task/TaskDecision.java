package dev.lamina.task;

import dev.lamina.spec.SpecException;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of {@link Task#decide}, in one place. The loss says classification or regression (the
 * user chose it); the number of targets and the output layer then say which kind, and must agree:
 * <ul>
 *   <li>a regression loss: every target numeric, one output per target: {@link Regression};</li>
 *   <li>{@code binary_crossentropy}, one target of two classes (0/1 or two text labels), one output:
 *       {@link Binary}; several targets, each 0/1, one non-softmax output each: {@link MultiLabel};</li>
 *   <li>{@code categorical_crossentropy} or {@code sparse_categorical_crossentropy}, one target:
 *       {@link MultiClass}, with as many outputs as the target has classes.</li>
 * </ul>
 * Any disagreement is a {@link SpecException} at the spec path to change ({@code data.target} or
 * the output layer's {@code units}).
 */
final class TaskDecision {
  private static final String TARGET = "data.target";

  private TaskDecision() {}

  static Task decide(String loss, OutputLayer output, List<Target> targets) {
    if (targets.isEmpty()) {
      throw new IllegalArgumentException("a task needs at least one target column");
    }
    List<String> names = new ArrayList<>();
    for (Target t : targets) {
      names.add(t.name());
    }
    if (!Task.CLASSIFICATION_LOSSES.contains(loss)) {
      return regression(loss, output, targets, names);
    }
    if (loss.equals("binary_crossentropy")) {
      return targets.size() == 1 ? binary(output, targets.get(0)) : multiLabel(output, targets, names);
    }
    if (targets.size() > 1) {
      throw new SpecException(TARGET, loss + " predicts one class per row from one target column, but target names "
          + targets.size() + " columns " + names + ". For several 0/1 labels use binary_crossentropy with one sigmoid"
          + " output per label (multi-label); for one class column give target: " + names.get(0));
    }
    Target t = targets.get(0);
    List<String> classes = new ArrayList<>(t.classes());
    if (t.text() && classes.size() != output.units()) {
      throw new SpecException(output.path(), "the target '" + t.name() + "' has " + classes.size() + " classes ("
          + String.join(", ", classes) + ") but the output layer has " + output.units() + " unit"
          + (output.units() == 1 ? "" : "s") + ": set units: " + classes.size() + " with a softmax activation");
    }
    if (!t.text()) {
      for (int c = 0; c < output.units(); c++) {
        classes.add(Integer.toString(c));
      }
    }
    return new MultiClass(t.name(), classes);
  }

  private static Task regression(String loss, OutputLayer output, List<Target> targets, List<String> names) {
    for (int i = 0; i < targets.size(); i++) {
      Target t = targets.get(i);
      if (t.text()) {
        throw new SpecException(at(targets, i), "the target '" + t.name() + "' holds text (" + preview(t.classes())
            + "), but " + loss + " is a regression loss that needs numbers. For classes use binary_crossentropy"
            + " (two) or sparse_categorical_crossentropy (more); for a regression pick a numeric column");
      }
    }
    checkUnits(output, targets.size(), names, "a regression needs one output per target");
    return new Regression(names);
  }

  private static Task binary(OutputLayer output, Target t) {
    if (t.text() && t.classes().size() != 2) {
      throw new SpecException(TARGET, "the target '" + t.name() + "' has " + t.classes().size() + " classes ("
          + preview(t.classes()) + "), but binary_crossentropy tells two apart. For " + t.classes().size()
          + " classes use sparse_categorical_crossentropy with a softmax output of " + t.classes().size() + " units");
    }
    if (output.units() != 1) {
      throw new SpecException(output.path(), "binary_crossentropy on one target needs one sigmoid output unit, but the"
          + " output layer has " + output.units() + ". Set units: 1, or use sparse_categorical_crossentropy with a"
          + " softmax over " + output.units() + " classes");
    }
    return new Binary(t.name(), t.text() ? t.classes() : List.of("0", "1"));
  }

  private static Task multiLabel(OutputLayer output, List<Target> targets, List<String> names) {
    for (int i = 0; i < targets.size(); i++) {
      Target t = targets.get(i);
      if (!t.binary() || t.text()) {
        throw new SpecException(at(targets, i), "the multi-label target '" + t.name() + "' holds values other than 0 and 1 ("
            + (t.text() ? preview(t.classes()) : "numbers") + "); each label column of a multi-label model must be"
            + " 0 or 1. Encode it as 0/1, or remove it from target");
      }
    }
    checkUnits(output, targets.size(), names, "a multi-label model needs one sigmoid output per label");
    if ("softmax".equals(output.activation())) {
      throw new SpecException(output.path(), "a multi-label model needs independent sigmoid outputs, but the output"
          + " layer is a softmax, which makes the labels compete: use activation: sigmoid");
    }
    return new MultiLabel(names);
  }

  /** The spec path of target {@code i}: {@code data.target}, or {@code data.target[i]} in a list of several. */
  private static String at(List<Target> targets, int i) {
    return targets.size() == 1 ? TARGET : TARGET + "[" + i + "]";
  }

  private static void checkUnits(OutputLayer output, int k, List<String> names, String why) {
    if (output.units() != k) {
      throw new SpecException(output.path(), why + ": target names " + k + " column" + (k == 1 ? "" : "s") + " "
          + names + " but the output layer has " + output.units() + " unit" + (output.units() == 1 ? "" : "s")
          + ". Set units: " + k);
    }
  }

  private static String preview(List<String> classes) {
    List<String> shown = classes.size() > 5 ? classes.subList(0, 5) : classes;
    return String.join(", ", shown) + (classes.size() > 5 ? ", ..." : "");
  }
}
