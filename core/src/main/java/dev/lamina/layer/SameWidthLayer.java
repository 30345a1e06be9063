package dev.lamina.layer;

import dev.lamina.optim.Parameter;
import java.util.List;

/**
 * A layer whose output row has the width of its input row, column for column: the activation,
 * identity, rescaling, PReLU and training-noise layers. Holds what they share (the name and the
 * width) and has no parameters unless a subclass declares some.
 */
public abstract class SameWidthLayer implements Layer {
  private final String name;
  /** The number of columns in and out. */
  protected final int width;

  /** A layer named {@code name} over {@code width} columns. */
  protected SameWidthLayer(String name, int width) {
    this.name = name;
    this.width = width;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final int inputWidth() {
    return width;
  }

  @Override
  public final int outputWidth() {
    return width;
  }

  @Override
  public List<Parameter> parameters() {
    return List.of();
  }
}
