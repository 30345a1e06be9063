package dev.lamina.predict;

import java.util.Locale;

/**
 * What a model's outputs mean, which decides the shape of a {@link Prediction}: decided once per
 * model from its loss and output width ({@link #of}), as scikit-learn's {@code type_of_target}
 * decides a target's kind once.
 */
public enum OutputKind {
  /** One sigmoid output: the probability of class 1, thresholded into a class. */
  BINARY,
  /** One softmax output per class: the class with the highest probability (the first on a tie). */
  MULTI_CLASS,
  /** One sigmoid output per label, each thresholded on its own. */
  MULTI_LABEL,
  /** One value per target (mean squared error and the other regression losses). */
  REGRESSION;

  /**
   * The kind of a model trained with {@code loss} that has {@code outputs} output units.
   * Cross-entropy on one unit is binary, on several units categorical cross-entropy is
   * multi-class and binary cross-entropy multi-label; every other loss is a regression.
   */
  public static OutputKind of(String loss, int outputs) {
    String l = loss == null ? "" : loss.toLowerCase(Locale.ROOT);
    if (l.contains("categorical_crossentropy")) {
      return outputs == 1 ? BINARY : MULTI_CLASS;
    }
    if (l.contains("binary_crossentropy") || l.contains("binary_focal") || l.equals("hinge")) {
      return outputs == 1 ? BINARY : MULTI_LABEL;
    }
    return REGRESSION;
  }

  /** Whether the outputs are probabilities of classes. */
  public boolean classifies() {
    return this != REGRESSION;
  }

  /** The lower-case name used in JSON ({@code binary}, {@code multi_class}, ...). */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
