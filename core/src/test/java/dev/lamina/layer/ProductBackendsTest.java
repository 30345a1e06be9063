package dev.lamina.layer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.optim.Parameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The backend of each float64 product, from {@link ProductBackends}'s table: the affine product
 * and the kernel gradient on the Java kernels, the input gradient on OpenBLAS, for every wide
 * shape; and the backends {@link DenseProducts#create} builds from it.
 */
class ProductBackendsTest {
  private static DenseProducts create(int in, int out, boolean nativeAllowed) {
    return DenseProducts.create(in, out, new Parameter("kernel", in, out), new Parameter("bias", out), nativeAllowed);
  }

  @ParameterizedTest(name = "in={0} out={1}")
  @CsvSource({"16,16", "64,64", "128,128", "256,256", "512,512", "300,20", "20,1000"})
  void theTablePutsOnlyTheInputGradientOnOpenBlas(int in, int out) {
    ProductBackends choice = ProductBackends.of(in, out);
    assertThat(choice).isEqualTo(new ProductBackends(false, false, true));
    assertThat(choice.anyOnOpenBlas()).isTrue();
    assertThat(choice.allOnOpenBlas()).isFalse();
  }

  @Test
  void wideLayersSplitTheirProductsAsTheTableSaysWhereOpenBlasIsInstalled() {
    OpenBlasRequirement.check();
    DenseProducts wide = create(256, 256, true);
    assertThat(wide).isInstanceOf(MixedProducts.class);
    assertThat(wide.onOpenBlas()).isTrue();
  }

  @ParameterizedTest(name = "in={0} out={1}, OpenBLAS allowed: {2}")
  @CsvSource({"256,256,false", "11,256,true", "256,1,true", "6,6,true"})
  void narrowLayersAndLayersDeniedOpenBlasKeepTheJavaKernels(int in, int out, boolean nativeAllowed) {
    DenseProducts products = create(in, out, nativeAllowed);
    assertThat(products).isInstanceOf(JavaProducts.class);
    assertThat(products.onOpenBlas()).isFalse();
  }
}
