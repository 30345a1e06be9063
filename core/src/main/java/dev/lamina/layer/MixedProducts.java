package dev.lamina.layer;

import dev.lamina.optim.Parameter;
import dev.lamina.parallel.KernelThreads;

/**
 * A float64 layer whose products do not all run on one backend: each of the affine product, the
 * kernel gradient and the input gradient runs on the backend {@link ProductBackends} picked for
 * the layer's shape, the Java kernels ({@link JavaProducts}) or OpenBLAS ({@link BlasProducts}).
 * Each product keeps its backend's own thread splitting, so the results do not depend on the
 * thread count; they differ from a single backend's in the last bits of the products that moved
 * (the two add in different orders), and are the same on every run of one machine.
 */
final class MixedProducts extends DenseProducts {
  private final ProductBackends choice;
  private final JavaProducts java;
  private final BlasProducts blas;

  MixedProducts(int inputs, int units, Parameter kernel, Parameter bias, ProductBackends choice) {
    super(inputs, units, kernel, bias);
    this.choice = choice;
    this.java = new JavaProducts(inputs, units, kernel, bias);
    this.blas = new BlasProducts(inputs, units, kernel, bias);
  }

  private DenseProducts on(boolean openBlas) {
    return openBlas ? blas : java;
  }

  @Override
  void allocate(int maxRows) {
    java.allocate(maxRows);
    blas.allocate(maxRows);
  }

  @Override
  void setThreads(int n) {
    super.setThreads(n);
    java.setThreads(n);
    blas.setThreads(n);
  }

  @Override
  void affine(double[] x, int rows, boolean training, double[] z, KernelThreads.Range then) {
    on(choice.affine()).affine(x, rows, training, z, then);
  }

  @Override
  void affineRows(double[] x, double[] z, int from, int to) {
    on(choice.affine()).affineRows(x, z, from, to);
  }

  @Override
  void kernelGradient(double[] x, double[] dZ, int rows) {
    on(choice.kernelGradient()).kernelGradient(x, dZ, rows);
  }

  @Override
  void inputGradient(double[] dZ, int rows, double[] dX) {
    on(choice.inputGradient()).inputGradient(dZ, rows, dX);
  }

  @Override
  void inputGradientRows(double[] dZ, double[] dX, int from, int to) {
    on(choice.inputGradient()).inputGradientRows(dZ, dX, from, to);
  }

  /** Both gradients on one backend in its own single dispatch when they share one, else one after the other. */
  @Override
  void gradients(double[] x, double[] dZ, int rows, double[] dX) {
    if (dX == null || choice.kernelGradient() == choice.inputGradient()) {
      on(choice.kernelGradient()).gradients(x, dZ, rows, dX);
    } else {
      kernelGradient(x, dZ, rows);
      inputGradient(dZ, rows, dX);
    }
  }

  /** Whether any of the products runs on OpenBLAS. */
  @Override
  boolean onOpenBlas() {
    return choice.anyOnOpenBlas();
  }
}
