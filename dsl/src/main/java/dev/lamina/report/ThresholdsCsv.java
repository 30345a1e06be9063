package dev.lamina.report;

import dev.lamina.metric.BinaryReport;
import java.nio.file.Path;

/**
 * {@code thresholds.csv}: what each decision threshold would do on the test rows, one row per
 * threshold 0.01, 0.02, ..., 0.99, with columns {@code threshold, precision, recall, f1, flagged}
 * ({@code flagged} is the share of rows whose score is above the threshold: whom you would call).
 * Numbers are written as Python's {@code repr} would ({@link PythonFloat}), so pandas reads them
 * back exactly.
 */
public final class ThresholdsCsv {
  /** The header line. */
  public static final String HEADER = "threshold,precision,recall,f1,flagged";

  private ThresholdsCsv() {}

  /** The file's text. */
  public static String toCsv(BinaryReport report) {
    StringBuilder sb = new StringBuilder(HEADER).append('\n');
    for (BinaryReport.ThresholdRow r : report.table()) {
      sb.append(PythonFloat.repr(r.threshold())).append(',').append(PythonFloat.repr(r.precision())).append(',')
          .append(PythonFloat.repr(r.recall())).append(',').append(PythonFloat.repr(r.f1())).append(',')
          .append(PythonFloat.repr(r.flagged())).append('\n');
    }
    return sb.toString();
  }

  /** Writes {@code csv} atomically. */
  public static void write(Path csv, BinaryReport report) {
    AtomicFile.writeString(csv, toCsv(report));
  }
}
