package dev.lamina.tune;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Progress of a search, one line per rung when it starts and one when it ends:
 * {@code rung 0: 60 trainings of 12 epochs ... 60 done (2 failed) in 4.1 s}.
 */
public final class TuneProgress implements TuneJob.RungProgress {
  private final PrintWriter out;

  /** Progress written to {@code out}. */
  public TuneProgress(PrintWriter out) {
    this.out = out;
  }

  @Override
  public Consumer<TrialResult> forRung(int rung, int epochs, int tasks) {
    out.println(String.format(Locale.ROOT, "rung %d: %d trial%s x %d epochs", rung, tasks, tasks == 1 ? "" : "s", epochs));
    out.flush();
    long start = System.nanoTime();
    int[] done = {0, 0};
    return r -> {
      done[0]++;
      if (r.failed()) {
        done[1]++;
      }
      if (done[0] == tasks) {
        out.println(String.format(Locale.ROOT, "  %d done%s in %.1f s", done[0], done[1] == 0 ? "" : " (" + done[1]
            + " failed)", (System.nanoTime() - start) / 1e9));
        out.flush();
      }
    };
  }
}
