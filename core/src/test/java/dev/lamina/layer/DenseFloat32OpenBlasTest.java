package dev.lamina.layer;

import org.junit.jupiter.api.BeforeAll;

/** {@link DenseFloat32Contract} with the wide products on OpenBLAS ({@link NativeGemm}). */
class DenseFloat32OpenBlasTest extends DenseFloat32Contract {
  @BeforeAll
  static void needsOpenBlas() {
    OpenBlasRequirement.check();
  }

  @Override
  boolean nativeProducts() {
    return true;
  }
}
