package dev.lamina.layer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.optim.Parameter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The backend of each float64 product, from {@link ProductBackends}'s rule: all three on the Java
 * kernels where they run 512-bit vectors, all three on OpenBLAS otherwise, for every wide shape;
 * and the backends {@link DenseProducts#create} builds from it (the Java kernels whenever OpenBLAS
 * is not installed or not allowed, and for layers narrow either way).
 */
class ProductBackendsTest {
  /** What the rule gives on this machine: the Java kernels only with 512-bit Vector API kernels. */
  private static final boolean JAVA_ON_THIS_MACHINE = Simd.ENABLED && VectorMatMul.wideVectors();

  private static DenseProducts create(int in, int out, boolean nativeAllowed) {
    return DenseProducts.create(in, out, new Parameter("kernel", in, out), new Parameter("bias", out), nativeAllowed);
  }

  @ParameterizedTest(name = "in={0} out={1}")
  @CsvSource({"16,16", "64,64", "128,128", "256,256", "512,512", "300,20", "20,1000"})
  void theRulePutsAllThreeProductsOnOneBackendByVectorWidth(int in, int out) {
    ProductBackends choice = ProductBackends.of(in, out);
    assertThat(choice).isEqualTo(JAVA_ON_THIS_MACHINE ? ProductBackends.JAVA : ProductBackends.OPENBLAS);
    assertThat(ProductBackends.JAVA.anyOnOpenBlas()).isFalse();
    assertThat(ProductBackends.OPENBLAS.allOnOpenBlas()).isTrue();
    assertThat(new ProductBackends(false, true, false).anyOnOpenBlas()).isTrue();
    assertThat(new ProductBackends(false, true, false).allOnOpenBlas()).isFalse();
  }

  @ParameterizedTest(name = "in={0} out={1}, OpenBLAS allowed: {2}")
  @CsvSource({"256,256,true", "512,64,true", "256,256,false", "11,256,true", "256,1,true", "6,6,true"})
  void float64LayersRunWhereTheRuleSays(int in, int out, boolean nativeAllowed) {
    DenseProducts products = create(in, out, nativeAllowed);
    boolean blas = nativeAllowed && NativeGemm.available() && MatMul.wide(in) && MatMul.wide(out) && !JAVA_ON_THIS_MACHINE;
    assertThat(products).isInstanceOf(blas ? BlasProducts.class : JavaProducts.class);
    assertThat(products.onOpenBlas()).isEqualTo(blas);
  }
}
