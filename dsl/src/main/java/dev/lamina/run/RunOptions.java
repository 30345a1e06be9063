package dev.lamina.run;

import java.nio.file.Path;

/**
 * Command-line overrides of a run: output folder, data file, epochs and seed (each null when not
 * given), and whether to print progress.
 *
 * @param out the output folder, or null for {@code runs/<name>/} beside the spec
 * @param data a CSV replacing the spec's {@code data.csv}, or null
 * @param epochs an epoch count replacing the spec's, or null
 * @param seed a seed replacing the spec's, or null
 * @param quiet whether to print only the final result
 * @param live whether progress bars may redraw in place (a terminal)
 */
public record RunOptions(Path out, Path data, Integer epochs, Long seed, boolean quiet, boolean live) {
  /** No overrides, quiet. */
  public static final RunOptions QUIET = new RunOptions(null, null, null, null, true, false);
}
