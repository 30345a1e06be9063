package dev.lamina.layer;

/** {@link DenseFloat32Contract} on the Java kernels: the reference that the native path is held to. */
class DenseFloat32JavaKernelsTest extends DenseFloat32Contract {
  @Override
  boolean nativeProducts() {
    return false;
  }
}
