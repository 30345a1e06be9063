package dev.lamina.run;

import dev.lamina.loss.Losses;
import dev.lamina.runspec.RunSpec;
import dev.lamina.spec.DenseSpec;
import dev.lamina.spec.ModelSpec;
import dev.lamina.spec.SpecException;

/**
 * The output layer's width against the loss and the target columns: one unit per target for
 * {@code binary_crossentropy} (a sigmoid giving the probability of class 1, or of each label of a
 * multi-label target) and for the regression losses (the value of each target), at least two for
 * the categorical losses (one per class). Checked
 * by every command before anything is built, {@code validate} included; without it, 3 sigmoid
 * units with {@code binary_crossentropy} failed deep in the loss with an index out of bounds.
 */
public final class OutputWidth {
  private OutputWidth() {}

  /**
   * Checks {@code spec}'s model, when it is compiled.
   *
   * @throws SpecException at the output layer's {@code units}, with the fix
   */
  public static void check(RunSpec spec) {
    ModelSpec m = spec.model();
    if (m.compile() == null || m.compile().loss() == null) {
      return;
    }
    int last = -1;
    for (int i = 0; i < m.layers().size(); i++) {
      if (m.layers().get(i) instanceof DenseSpec) {
        last = i;
      }
    }
    if (last < 0) {
      return;
    }
    int width = ((DenseSpec) m.layers().get(last)).units();
    String name = Losses.create(m.compile().loss(), "compile.loss").name();
    String where = "layers[" + last + "].dense.units";
    boolean categorical = name.equals("categorical_crossentropy") || name.equals("sparse_categorical_crossentropy");
    if (categorical && width < 2) {
      throw new SpecException(where, name + " needs one output unit per class, at least 2, but the output layer has "
          + width + "; for two classes use units: 1 with sigmoid and binary_crossentropy, or units: 2 with softmax");
    }
    java.util.List<String> targets = spec.data() == null ? java.util.List.of() : spec.data().targets();
    int k = Math.max(1, targets.size());
    boolean binary = name.equals("binary_crossentropy");
    if (!categorical && width != k && k > 1) {
      throw new SpecException(where, "the output layer has " + width + " unit" + (width == 1 ? "" : "s") + ", but "
          + name + " on " + k + " target columns " + targets + " needs " + k + " (one " + (binary
          ? "sigmoid probability per label" : "predicted value per target") + ", in target order); use units: " + k);
    }
    if (!categorical && width != 1 && k == 1) {
      throw new SpecException(where, "the output layer has " + width + " units, but " + name + " on one target column "
          + "needs 1 (" + (binary ? "a sigmoid giving the probability of class 1" : "the predicted value")
          + "); use units: 1" + (binary ? ", or sparse_categorical_crossentropy with softmax and one unit per class"
          : "") + (width > 1 ? ", or name " + width + " target columns: target: [a, b, ...]" : ""));
    }
  }
}
