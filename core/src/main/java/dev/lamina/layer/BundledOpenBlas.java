package dev.lamina.layer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The OpenBLAS that {@code builder.jar} carries for machines that have none installed: the
 * linux-x86_64 build of JavaCPP's {@code org.bytedeco:openblas} (OpenBLAS 0.3.21, pthreads,
 * {@code DYNAMIC_ARCH}: it picks its kernels for the processor at run time, as Debian's does), the
 * one Deeplearning4j ships. Only its shared libraries are used, not JavaCPP's bindings:
 * {@link NativeGemm} opens them like the installed library.
 *
 * <p>A shared library must be a file to be loaded, so {@link #extract} copies it and the Fortran
 * and GCC runtimes it links against (found beside it: its {@code RPATH} is {@code $ORIGIN}) into a
 * new temporary directory; the caller loads it and then {@link #delete}s the directory at once
 * (Linux keeps a loaded library's pages after its file is gone), so nothing is left behind, not
 * even when the process is killed later.
 *
 * <p>Why this one: its version is Debian 12's ({@code libopenblas0-pthread} 0.3.21), so a seeded
 * run gives the same bits with the bundled and the installed library on one machine (checked on
 * the wide benchmark's predictions, docs/BENCHMARKS.md). Its resources are on the class path when
 * {@code org.bytedeco:openblas:linux-x86_64} is (builder.jar shades them in); a library user adds
 * that artifact to get them.
 */
final class BundledOpenBlas {
  /** Where the artifact keeps its libraries (JavaCPP's layout: {@code org/bytedeco/<name>/<platform>/}). */
  static final String RESOURCES = "org/bytedeco/openblas/linux-x86_64/";
  /** The library, then the runtimes it needs that a fresh machine may lack. */
  static final List<String> FILES = List.of("libopenblas.so.0", "libgfortran.so.5", "libquadmath.so.0", "libgcc_s.so.1");

  private BundledOpenBlas() {}

  /** Whether this platform can run the bundled build and its libraries are on {@code loader}'s class path. */
  static boolean present(ClassLoader loader) {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch", "");
    return os.startsWith("linux") && (arch.equals("amd64") || arch.equals("x86_64"))
        && FILES.stream().allMatch(f -> loader.getResource(RESOURCES + f) != null);
  }

  /**
   * Copies the bundled libraries into a new temporary directory and returns it (the library is
   * {@link #library} in it); empty when they are not {@link #present}. The caller {@link #delete}s
   * the directory once the library is loaded.
   */
  static Optional<Path> extract(ClassLoader loader) {
    if (!present(loader)) {
      return Optional.empty();
    }
    Path dir = null;
    try {
      dir = Files.createTempDirectory("lamina-openblas-");
      for (String file : FILES) {
        try (InputStream in = loader.getResourceAsStream(RESOURCES + file)) {
          if (in == null) {
            throw new IOException("resource " + RESOURCES + file + " vanished");
          }
          Files.copy(in, dir.resolve(file));
        }
      }
      return Optional.of(dir);
    } catch (IOException e) {
      if (dir != null) {
        delete(dir);
      }
      throw new UncheckedIOException("could not copy the bundled OpenBLAS to a temporary directory", e);
    }
  }

  /** The library's file in a directory {@link #extract} made. */
  static Path library(Path dir) {
    return dir.resolve(FILES.get(0));
  }

  /** Deletes a directory {@link #extract} made, and its files; quietly, as far as it can. */
  static void delete(Path dir) {
    for (String file : FILES) {
      try {
        Files.deleteIfExists(dir.resolve(file));
      } catch (IOException e) {
        // left for the system's temporary-file cleaning: nothing else can be done here
      }
    }
    try {
      Files.deleteIfExists(dir);
    } catch (IOException e) {
      // as above
    }
  }
}
