package dev.lamina.layer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.optim.Parameter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The backend of each float64 product, from {@link ProductBackends}'s rule: all three on the Java
 * kernels for every wide shape, OpenBLAS installed or not; and the backends
 * {@link DenseProducts#create} builds from it.
 */
class ProductBackendsTest {
  private static DenseProducts create(int in, int out, boolean nativeAllowed) {
    return DenseProducts.create(in, out, new Parameter("kernel", in, out), new Parameter("bias", out), nativeAllowed);
  }

  @ParameterizedTest(name = "in={0} out={1}")
  @CsvSource({"16,16", "64,64", "128,128", "256,256", "512,512", "300,20", "20,1000"})
  void theRulePutsEveryProductOnTheJavaKernels(int in, int out) {
    ProductBackends choice = ProductBackends.of(in, out);
    assertThat(choice).isEqualTo(new ProductBackends(false, false, false)).isEqualTo(ProductBackends.JAVA);
    assertThat(choice.anyOnOpenBlas()).isFalse();
    assertThat(ProductBackends.OPENBLAS.allOnOpenBlas()).isTrue();
    assertThat(new ProductBackends(false, true, false).anyOnOpenBlas()).isTrue();
    assertThat(new ProductBackends(false, true, false).allOnOpenBlas()).isFalse();
  }

  @ParameterizedTest(name = "in={0} out={1}, OpenBLAS allowed: {2}")
  @CsvSource({"256,256,true", "512,64,true", "256,256,false", "11,256,true", "256,1,true", "6,6,true"})
  void float64LayersRunOnTheJavaKernels(int in, int out, boolean nativeAllowed) {
    DenseProducts products = create(in, out, nativeAllowed);
    assertThat(products).isInstanceOf(JavaProducts.class);
    assertThat(products.onOpenBlas()).isFalse();
  }
}
