package dev.lamina.run;

/** Lamina's version, from the jar manifest (or "dev" when run from classes). */
public final class Version {
  private Version() {}

  /** The implementation version of the running Lamina. */
  public static String current() {
    String v = Version.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
