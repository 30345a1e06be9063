package dev.lamina.layer;


/**
 * A layer that passes its input through: Keras's {@code Flatten} and {@code Reshape} of a row that
 * is already flat (a dense network's input is one row of features, so they change nothing).
 */
public final class Identity extends SameWidthLayer {
  private final String kerasClassName;

  /** An identity over {@code width} columns, shown as {@code kerasClassName}. */
  public Identity(String name, String kerasClassName, int width) {
    super(name, width);
    this.kerasClassName = kerasClassName;
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
  public String kerasClassName() {
    return kerasClassName;
  }
}
