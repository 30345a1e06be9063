package dev.lamina.docs.cyclefixture.a;

import dev.lamina.docs.cyclefixture.b.Second;

/** Half of a package cycle that {@code PackageCyclesTest} must find (a negative control). */
public final class First {
  private First() {}

  /** Reaches into package b, which reaches back. */
  public static int width() {
    return Second.height() + 1;
  }
}
