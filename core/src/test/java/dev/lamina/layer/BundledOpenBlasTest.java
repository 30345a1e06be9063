package dev.lamina.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.lamina.testing.ChildJvm;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenBLAS builder.jar carries ({@link BundledOpenBlas}): its files reach a temporary
 * directory whole, and a JVM told {@code -Dlamina.blas=bundled} runs
 * its products on it with the reference's results, and nothing of it is left on disk afterwards.
 * The artifact is a test dependency of core, so these run wherever the build does (linux-x86_64).
 */
class BundledOpenBlasTest {
  private static final ClassLoader LOADER = BundledOpenBlasTest.class.getClassLoader();

  @BeforeAll
  static void linuxX86() {
    assumeThat(System.getProperty("os.name")).as("the bundled build is linux-x86_64's").startsWithIgnoringCase("linux");
    assumeThat(System.getProperty("os.arch")).isIn("amd64", "x86_64");
  }

  @Test
  void theLibraryAndItsRuntimesAreOnTheClassPath() {
    assertThat(BundledOpenBlas.present(LOADER)).isTrue();
  }

  @Test
  void extractCopiesEveryFileWholeIntoAFreshDirectory() throws IOException {
    Path dir = BundledOpenBlas.extract(LOADER).orElseThrow();
    try {
      assertThat(dir.getFileName().toString()).startsWith("lamina-openblas-");
      for (String file : BundledOpenBlas.FILES) {
        try (InputStream in = LOADER.getResourceAsStream(BundledOpenBlas.RESOURCES + file)) {
          assertThat(Files.readAllBytes(dir.resolve(file))).as(file).isEqualTo(in.readAllBytes());
        }
      }
    } finally {
      BundledOpenBlas.delete(dir);
    }
    assertThat(dir).doesNotExist();
  }

  @Test
  void twoExtractionsNeverShareADirectory() {
    Path a = BundledOpenBlas.extract(LOADER).orElseThrow();
    Path b = BundledOpenBlas.extract(LOADER).orElseThrow();
    try {
      assertThat(a).isNotEqualTo(b);
    } finally {
      BundledOpenBlas.delete(a);
      BundledOpenBlas.delete(b);
    }
  }

  /**
   * Entry point of the child JVM (the bundled library is only ever loaded there: a JVM that also
   * has the installed one must not load a second OpenBLAS): prints the library's description, then
   * its source and the largest relative errors of a dgemm and an sgemm product.
   */
  public static void main(String[] args) {
    int m = 37;
    int n = 45;
    int k = 29;
    double[] a = RandomArrays.gaussian(m * k, 1);
    double[] b = RandomArrays.gaussian(k * n, 2);
    double[] c = new double[m * n];
    NativeGemm.times(a, 0, k, b, n, c, 0, n, m, n, k, false);
    float[] af = new float[a.length];
    float[] bf = new float[b.length];
    FloatConversions.toFloat(a, af, a.length);
    FloatConversions.toFloat(b, bf, b.length);
    float[] cf = new float[m * n];
    NativeGemm.times(af, 0, k, bf, n, cf, 0, n, m, n, k, false);
    double errDouble = 0;
    double errFloat = 0;
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        double exact = 0;
        double exactFloat = 0;
        double scale = 0;
        for (int l = 0; l < k; l++) {
          exact += a[i * k + l] * b[l * n + j];
          exactFloat += (double) af[i * k + l] * bf[l * n + j];
          scale += Math.abs(a[i * k + l] * b[l * n + j]);
        }
        errDouble = Math.max(errDouble, Math.abs(c[i * n + j] - exact) / scale);
        errFloat = Math.max(errFloat, Math.abs(cf[i * n + j] - exactFloat) / scale);
      }
    }
    System.out.println(NativeGemm.describe());
    System.out.println(NativeGemm.source() + " " + errDouble + " " + errFloat);
  }

  @Test
  void aJvmToldBundledRunsItsProductsOnItAndLeavesNothingBehind(@TempDir Path tmp) throws Exception {
    List<String> lines = ChildJvm.run(BundledOpenBlasTest.class,
        List.of("-Dlamina.blas=bundled", "-Djava.io.tmpdir=" + tmp));
    String out = String.join("\n", lines);
    String[] fields = lines.get(lines.size() - 1).split(" ");
    assertThat(fields[0]).as(out).isEqualTo("bundled");
    // OpenBLAS's pthreads build (NativeGemm refuses the others), the version the Javadoc names.
    assertThat(lines.get(lines.size() - 2)).startsWith("OpenBLAS (OpenBLAS 0.3.21 DYNAMIC_ARCH").contains("bundled");
    // Sums of 29 products in another order: a few units of the last place, relative to the sum of |terms|.
    assertThat(Double.parseDouble(fields[1])).isLessThan(1e-15);
    assertThat(Double.parseDouble(fields[2])).isLessThan(1e-6);
    // The extracted library went as soon as it was loaded (netlib's own JNI stub is deleted at exit).
    try (Stream<Path> left = Files.list(tmp)) {
      assertThat(left.map(f -> f.getFileName().toString())).noneMatch(f -> f.startsWith("lamina-openblas-"));
    }
  }
}
