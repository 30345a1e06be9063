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
 * @param checkpointEvery write a training checkpoint into the run folder every this many epochs (0: never)
 * @param resume a run folder whose checkpoint the training continues from, or null
 * @param force whether the run may write into a folder that holds files of something else ({@code --force})
 */
public record RunOptions(Path out, Path data, Integer epochs, Long seed, boolean quiet, boolean live,
    int checkpointEvery, Path resume, boolean force) {
  /** No overrides, quiet. */
  public static final RunOptions QUIET = new RunOptions(null, null, null, null, true, false);

  /** Options without checkpoints. */
  public RunOptions(Path out, Path data, Integer epochs, Long seed, boolean quiet, boolean live) {
    this(out, data, epochs, seed, quiet, live, 0, null, false);
  }

  /** Options without {@code --force}. */
  public RunOptions(Path out, Path data, Integer epochs, Long seed, boolean quiet, boolean live, int checkpointEvery,
      Path resume) {
    this(out, data, epochs, seed, quiet, live, checkpointEvery, resume, false);
  }

  /** Validates the checkpoint interval. */
  public RunOptions {
    if (checkpointEvery < 0) {
      throw new dev.lamina.spec.SpecException("--checkpoint-every", "--checkpoint-every must be a number of epochs >= 1, got "
          + checkpointEvery);
    }
  }
}
