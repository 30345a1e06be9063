package dev.lamina.docs.cyclefixture.b;

import dev.lamina.docs.cyclefixture.a.First;

/** The other half of the package cycle of {@code First}. */
public final class Second {
  private Second() {}

  /** Reaches back into package a. */
  public static int height() {
    return 1;
  }

  /** The reference that closes the cycle. */
  public static int both() {
    return First.width() + height();
  }
}
