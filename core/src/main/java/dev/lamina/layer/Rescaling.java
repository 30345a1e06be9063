package dev.lamina.layer;


/**
 * Keras's {@code Rescaling(scale, offset=0.0)}: {@code y = x * scale + offset}, the same in training
 * and inference; no weights. Backward: {@code dx = dy * scale}.
 */
public final class Rescaling extends SameWidthLayer {
  private final double scale;
  private final double offset;
  private int capacity;
  private double[] out;
  private double[] dInput;

  /** Rescales {@code width} columns. */
  public Rescaling(String name, int width, double scale, double offset) {
    super(name, width);
    this.scale = scale;
    this.offset = offset;
  }

  @Override
  public void allocate(int maxRows) {
    if (maxRows > capacity) {
      capacity = maxRows;
      out = new double[maxRows * width];
      dInput = new double[maxRows * width];
    }
  }

  @Override
  public double[] forward(double[] input, int rows, boolean training) {
    int n = rows * width;
    for (int i = 0; i < n; i++) {
      out[i] = input[i] * scale + offset;
    }
    return out;
  }

  @Override
  public double[] backward(double[] dOutput, int rows, boolean needInputGrad) {
    if (!needInputGrad) {
      return null;
    }
    int n = rows * width;
    for (int i = 0; i < n; i++) {
      dInput[i] = dOutput[i] * scale;
    }
    return dInput;
  }

  @Override
  public String kerasClassName() {
    return "Rescaling";
  }
}
