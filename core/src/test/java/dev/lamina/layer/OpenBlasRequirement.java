package dev.lamina.layer;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Tests of the OpenBLAS products run where the library is installed. They are skipped, with the
 * reason, on a machine without it, unless the environment variable {@value #REQUIRE} is set (CI
 * sets it after installing {@code libopenblas0-pthread}): there a missing library fails the build
 * instead of silently skipping the tests.
 */
public final class OpenBlasRequirement {
  public static final String REQUIRE = "LAMINA_REQUIRE_OPENBLAS";

  private OpenBlasRequirement() {}

  /** Returns when OpenBLAS is loaded; otherwise skips the test, or fails it when CI requires OpenBLAS. */
  public static void check() {
    if (NativeGemm.available()) {
      return;
    }
    if (System.getenv(REQUIRE) != null) {
      fail(REQUIRE + " is set but OpenBLAS is " + NativeGemm.describe());
    }
    assumeTrue(false, "OpenBLAS " + NativeGemm.describe() + "; install libopenblas0-pthread to run these tests");
  }
}
