package dev.lamina.docs;

/** Placeholder. */
public final class InitializerGuide {
  private InitializerGuide() {}

  /** The guide. */
  public static String markdown() {
    return "# Initializers\n";
  }
}
