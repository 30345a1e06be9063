package dev.lamina.report;

import dev.lamina.spec.SpecException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The one rule every command that writes follows: it never replaces a file it did not create
 * itself (one of its inputs, or a file that is not a Lamina artefact) unless the user passed
 * {@code --force}. Refusals are {@link SpecException}s whose path is the flag or spec key that
 * chose the place ({@code --out}, {@code name}), so they carry exit code 2 and point at it.
 *
 * <ul>
 *   <li>A run or sweep folder may be written when it does not exist, is empty, or holds an earlier
 *       run (one of {@link #RUN_MARKERS}); a folder of other files, or a file, is refused.
 *   <li>A single output file may be written when it does not exist, or when it is recognizably
 *       Lamina's (its first line is the header Lamina writes); never over one of the inputs.
 * </ul>
 */
public final class OutputGuard {
  /** Files only a Lamina run or sweep writes; a folder holding one is an earlier run's. */
  public static final Set<String> RUN_MARKERS = Set.of("model.lamina", "metrics.json", "checkpoint.ckpt",
      "sweep.json", "tune.json", "tune-journal.jsonl");
  private static final int SHOWN = 3;

  private OutputGuard() {}

  /**
   * Checks that a run folder may be written at {@code dir}.
   *
   * @param chosenBy the flag or spec key that chose {@code dir}, named in the refusal
   * @param force whether {@code --force} was given
   */
  public static void folder(Path dir, String chosenBy, boolean force) {
    if (Files.isRegularFile(dir) || Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new SpecException(chosenBy, dir + " is a file; name the folder to write into instead (it is created if missing), e.g. " + dir.resolveSibling(dir.getFileName() + "-run"));
    }
    if (force || !Files.isDirectory(dir)) {
      return;
    }
    List<String> names = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      files.map(p -> p.getFileName().toString()).sorted().forEach(names::add);
    } catch (IOException e) {
      return; // writing will report what is wrong with the folder
    }
    if (names.isEmpty() || names.stream().anyMatch(RUN_MARKERS::contains)) {
      return;
    }
    throw new SpecException(chosenBy, "the folder " + dir + " holds other files ("
        + String.join(", ", names.subList(0, Math.min(SHOWN, names.size())))
        + (names.size() > SHOWN ? ", ... " + names.size() + " in all" : "")
        + ") and no earlier Lamina run; choose a new or empty folder, or pass --force to write into it anyway");
  }

  /**
   * Checks that {@code target} may be written.
   *
   * @param chosenBy the flag that chose {@code target} ("--out"), or a description of the default
   * @param header what Lamina's own file of this kind starts with (its header row, or a magic number)
   * @param inputs the command's input files, never overwritten without {@code --force}
   */
  public static void file(Path target, String chosenBy, boolean force, String header, Path... inputs) {
    if (Files.isDirectory(target)) {
      throw new SpecException(chosenBy, target + " is a folder; name the file to write, e.g. " + target.resolve("predictions.csv"));
    }
    if (force || !Files.exists(target)) {
      return;
    }
    for (Path in : inputs) {
      if (in != null && sameFile(in, target)) {
        throw new SpecException(chosenBy, target + " is an input of this command (writing it would destroy what "
            + "is being read); name another file, or pass --force to replace it anyway");
      }
    }
    if (!startsWith(target, header)) {
      throw new SpecException(chosenBy, target + " exists and was not written by Lamina; name another file, or "
          + "pass --force to replace it");
    }
  }

  private static boolean sameFile(Path a, Path b) {
    try {
      return Files.isSameFile(a, b);
    } catch (IOException e) {
      return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }
  }

  /** Whether {@code file} starts with the bytes of {@code header} (ISO-8859-1, so binary magic numbers work). */
  private static boolean startsWith(Path file, String header) {
    byte[] want = header.getBytes(StandardCharsets.ISO_8859_1);
    try (InputStream in = Files.newInputStream(file)) {
      return Arrays.equals(in.readNBytes(want.length), want);
    } catch (IOException e) {
      return false;
    }
  }
}
