package dev.lamina.layer;

import dev.lamina.optim.Parameter;
import java.util.List;

/**
 * A layer that passes its input through: Keras's {@code Flatten} and {@code Reshape} of a row that
 * is already flat (a dense network's input is one row of features, so they change nothing).
 */
public final class Identity implements Layer {
  private final String name;
  private final String kerasClassName;
  private final int width;

  /** An identity over {@code width} columns, shown as {@code kerasClassName}. */
  public Identity(String name, String kerasClassName, int width) {
    this.name = name;
    this.kerasClassName = kerasClassName;
    this.width = width;
  }

  @Override
  public void allocate(int maxRows) {
    // nothing to hold: the input is the output
  }

  @Override
  public double[] forward(double[] input, int rows, boolean training) {
    return input;
  }

  @Override
  public double[] backward(double[] dOutput, int rows, boolean needInputGrad) {
    return needInputGrad ? dOutput : null;
  }

  @Override
  public List<Parameter> parameters() {
    return List.of();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String kerasClassName() {
    return kerasClassName;
  }

  @Override
  public int inputWidth() {
    return width;
  }

  @Override
  public int outputWidth() {
    return width;
  }
}
