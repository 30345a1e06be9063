package dev.lamina.sweep;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * A progress bar over a whole sweep: {@code [#######.............] 32/90 runs  1 diverged  12.4 s, ~22 s left}.
 * Redrawn in place on a terminal; when output is piped, one line per tenth of the runs.
 */
public final class SweepProgress implements Consumer<SweepResult> {
  private static final int WIDTH = 30;
  private final PrintWriter out;
  private final boolean live;
  private final int total;
  private final long start = System.nanoTime();
  private int done;
  private int diverged;
  private int failed;
  private int lastTenth = -1;

  /** A bar for {@code total} runs written to {@code out}; {@code live} redraws in place. */
  public SweepProgress(PrintWriter out, boolean live, int total) {
    this.out = out;
    this.live = live;
    this.total = total;
  }

  @Override
  public synchronized void accept(SweepResult r) {
    done++;
    if (r.status() == RunStatus.DIVERGED) {
      diverged++;
    } else if (r.status() == RunStatus.FAILED) {
      failed++;
    }
    int tenth = done * 10 / Math.max(total, 1);
    if (live) {
      out.print("\r" + line());
      if (done == total) {
        out.println();
      }
      out.flush();
    } else if (tenth != lastTenth) {
      lastTenth = tenth;
      out.println(line());
      out.flush();
    }
  }

  /** The current bar. */
  public synchronized String line() {
    int filled = done * WIDTH / Math.max(total, 1);
    double elapsed = (System.nanoTime() - start) / 1e9;
    double left = done == 0 ? 0 : elapsed / done * (total - done);
    StringBuilder sb = new StringBuilder("[").append("#".repeat(filled)).append(".".repeat(WIDTH - filled)).append("] ")
        .append(done).append('/').append(total).append(" runs");
    if (diverged > 0) {
      sb.append("  ").append(diverged).append(" diverged");
    }
    if (failed > 0) {
      sb.append("  ").append(failed).append(" failed");
    }
    sb.append(String.format(Locale.ROOT, "  %.1f s", elapsed));
    if (done < total) {
      sb.append(String.format(Locale.ROOT, ", ~%.0f s left", left));
    }
    return sb.toString();
  }
}
