package dev.lamina.report;

import dev.lamina.run.PredictSpec;
import dev.lamina.spec.SpecException;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Streams {@code predictions.csv} one row at a time, in constant memory, so a file of any size can
 * be scored; the file appears atomically when the writer is closed (see {@link PendingFile}).
 *
 * <p>Columns:
 * <ul>
 *   <li>binary ({@code classes == 1}, one sigmoid output):
 *       {@code row,probability,predicted_class[,true_label]}, where the class is 1 when the
 *       probability is strictly greater than the threshold, as Keras's {@code predict(x) > 0.5}
 *       (a NaN probability is therefore class 0);</li>
 *   <li>multi-class ({@code classes > 1}, softmax): {@code row,p_0,...,p_<k-1>,predicted_class
 *       [,true_label]}, the class being the index of the largest probability (the first one on a
 *       tie, as {@code numpy.argmax}; NaN never wins).</li>
 * </ul>
 * Probabilities are written with full precision (Python's {@code repr}: shortest round-trip
 * digits, {@code nan} for NaN); an integral true label is written as an integer ({@code 1}), a NaN
 * one as an empty field. Lines end in {@code \n}.
 *
 * <p>Lifecycle: {@link #open}, {@link #write} per row, then {@link #close()}, which
 * <em>commits</em>: the temporary file is forced to disk and renamed over the target.
 * {@link #abort()} instead discards it and leaves any previous file untouched; after a
 * {@code write} has thrown, {@code close()} aborts too. An exception thrown by the caller's own
 * code inside try-with-resources is invisible to {@code close()}, so either call {@link #abort()}
 * in a catch block or use {@link #writeAll}, which aborts on any exception. Not thread-safe.
 */
public final class PredictionsWriter implements AutoCloseable {
  /** Column of the caller's row id (typically the row's index in the input file). */
  public static final String ROW = "row";
  /** Column of the binary probability. */
  public static final String PROBABILITY = "probability";
  /** Prefix of the per-class probability columns in the multi-class layout. */
  public static final String CLASS_PROBABILITY_PREFIX = "p_";
  /** Column of the predicted class. */
  public static final String PREDICTED_CLASS = "predicted_class";
  /** Column of the known label, present only when asked for. */
  public static final String TRUE_LABEL = "true_label";

  private static final char SEPARATOR = ',';
  private static final char LINE_END = '\n';

  private final PendingFile pending;
  private final Writer out;
  private final boolean withTrueLabel;
  private final int classes;
  private final double threshold;
  private final StringBuilder line = new StringBuilder();
  private long rows;
  private boolean failed;

  private PredictionsWriter(PendingFile pending, boolean withTrueLabel, int classes,
      double threshold) {
    this.pending = pending;
    this.out = new OutputStreamWriter(pending.stream(), StandardCharsets.UTF_8);
    this.withTrueLabel = withTrueLabel;
    this.classes = classes;
    this.threshold = threshold;
  }

  /** {@link #open(Path, boolean, int, double)} with Keras's threshold 0.5. */
  public static PredictionsWriter open(Path file, boolean withTrueLabel, int classes) {
    return open(file, withTrueLabel, classes, PredictSpec.DEFAULT_THRESHOLD);
  }

  /**
   * Starts writing {@code file} and writes the header.
   *
   * @param withTrueLabel whether to add the {@code true_label} column
   * @param classes 1 for a binary model (one probability), otherwise the number of classes
   * @param threshold binary decision threshold (class 1 iff probability &gt; threshold); unused
   *     when {@code classes > 1}
   * @throws SpecException if {@code classes < 1} or the threshold is NaN
   */
  public static PredictionsWriter open(Path file, boolean withTrueLabel, int classes,
      double threshold) {
    if (classes < 1) {
      throw new SpecException("classes",
          "the number of classes must be 1 (binary) or more, got " + classes);
    }
    if (Double.isNaN(threshold)) {
      throw new SpecException("threshold", "the threshold must be a number, got NaN");
    }
    PendingFile pending = PendingFile.open(file);
    try {
      PredictionsWriter writer = new PredictionsWriter(pending, withTrueLabel, classes, threshold);
      writer.header();
      return writer;
    } catch (RuntimeException e) {
      pending.abort();
      throw e;
    }
  }

  /**
   * Opens {@code file}, lets {@code rows} write every row, and commits; if {@code rows} throws,
   * the new file is discarded, the previous one survives and the exception propagates.
   */
  public static void writeAll(Path file, boolean withTrueLabel, int classes, double threshold,
      Consumer<PredictionsWriter> rows) {
    try (PredictionsWriter writer = open(file, withTrueLabel, classes, threshold)) {
      try {
        rows.accept(writer);
      } catch (RuntimeException | Error e) {
        writer.abort();
        throw e;
      }
    }
  }

  private void header() {
    line.append(ROW);
    if (classes == 1) {
      line.append(SEPARATOR).append(PROBABILITY);
    } else {
      for (int c = 0; c < classes; c++) {
        line.append(SEPARATOR).append(CLASS_PROBABILITY_PREFIX).append(c);
      }
    }
    line.append(SEPARATOR).append(PREDICTED_CLASS);
    if (withTrueLabel) {
      line.append(SEPARATOR).append(TRUE_LABEL);
    }
    flushLine();
  }

  /**
   * Writes one row.
   *
   * @param row the row id
   * @param probs the model's output for the row: one probability when binary, one per class
   * @param trueLabelOrNaN the known label, or NaN when unknown (ignored without the column)
   * @throws SpecException if {@code probs} has the wrong length
   * @throws UncheckedIOException if the disk write fails
   */
  public void write(long row, double[] probs, double trueLabelOrNaN) {
    if (probs.length != classes) {
      failed = true;
      throw new SpecException("predictions[" + row + "]", "expected " + classes
          + " probabilit" + (classes == 1 ? "y" : "ies") + " per row, got " + probs.length);
    }
    line.append(row);
    for (double p : probs) {
      line.append(SEPARATOR).append(PythonFloat.repr(p));
    }
    line.append(SEPARATOR).append(predictedClass(probs));
    if (withTrueLabel) {
      line.append(SEPARATOR).append(label(trueLabelOrNaN));
    }
    flushLine();
    rows++;
  }

  private int predictedClass(double[] probs) {
    if (classes == 1) {
      return probs[0] > threshold ? 1 : 0;
    }
    int best = 0;
    for (int c = 1; c < classes; c++) {
      if (probs[c] > probs[best] || Double.isNaN(probs[best]) && !Double.isNaN(probs[c])) {
        best = c;
      }
    }
    return best;
  }

  private static String label(double label) {
    if (Double.isNaN(label)) {
      return "";
    }
    if (label == Math.rint(label) && Math.abs(label) < 1L << 53) {
      return Long.toString((long) label);
    }
    return PythonFloat.repr(label);
  }

  private void flushLine() {
    line.append(LINE_END);
    try {
      out.append(line);
    } catch (IOException e) {
      failed = true;
      throw new UncheckedIOException("cannot write " + pending.target(), e);
    } finally {
      line.setLength(0);
    }
  }

  /** Rows written so far (the header not counted). */
  public long rows() {
    return rows;
  }

  /** Discards the file being written; any previous file survives. Idempotent. */
  public void abort() {
    failed = true;
    pending.abort();
  }

  /**
   * Commits the file atomically, unless {@link #abort()} was called or a {@link #write} failed,
   * in which case the temporary file is deleted instead.
   *
   * @throws UncheckedIOException if the commit fails; the previous file survives
   */
  @Override
  public void close() {
    if (failed) {
      pending.abort();
      return;
    }
    try {
      out.flush();
    } catch (IOException e) {
      pending.abort();
      throw new UncheckedIOException("cannot write " + pending.target(), e);
    }
    pending.commit();
  }
}
