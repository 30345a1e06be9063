package dev.lamina.report;

import dev.lamina.runspec.PredictSpec;
import dev.lamina.spec.SpecException;
import dev.lamina.task.Binary;
import dev.lamina.task.MultiClass;
import dev.lamina.task.MultiLabel;
import dev.lamina.task.Regression;
import dev.lamina.task.Task;
import dev.lamina.task.Thresholds;
import java.util.ArrayList;
import java.util.List;
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
 * <p>Columns, by {@link Task}:
 * <ul>
 *   <li>{@link Binary} (one sigmoid output):
 *       {@code row,p_<positive class>,predicted_class[,true_label]} ({@code p_1} for a 0/1
 *       target, {@code p_left} with {@code positive_class: left}), where the class is the positive
 *       one when its probability is strictly greater than the threshold, as Keras's
 *       {@code predict(x) > 0.5} (a NaN probability is therefore the negative class);</li>
 *   <li>{@link MultiClass} (softmax): {@code row,p_<class>...,predicted_class[,true_label]}, the
 *       class being the one of the largest probability (the first one on a tie, as
 *       {@code numpy.argmax}; NaN never wins);</li>
 *   <li>{@link MultiLabel}: per label {@code p_<label>,<label>_predicted[,<label>]}, each label 1
 *       when its probability is strictly greater than its threshold;</li>
 *   <li>{@link Regression}: per target {@code <target>_predicted[,<target>]} - no probability,
 *       class or threshold.</li>
 * </ul>
 * Classes are written by name, as they appear in the CSV ({@code Yes}, {@code setosa}); a model
 * whose target was numeric has the names {@code 0}, {@code 1}, ... Numbers are written with full
 * precision (Python's {@code repr}: shortest round-trip digits, {@code nan} for NaN); an integral
 * true value is written as an integer ({@code 1}), an unknown one as an empty field. Lines end in
 * {@code \n}.
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
  /**
   * Prefix of the probability columns: of the positive class (binary), of each class (multi-class),
   * of each label (multi-label), followed by the name as the CSV writes it.
   */
  public static final String CLASS_PROBABILITY_PREFIX = "p_";
  /** Column of the predicted class. */
  public static final String PREDICTED_CLASS = "predicted_class";
  /** Column of the known label, present only when asked for. */
  public static final String TRUE_LABEL = "true_label";
  /** Suffix of a regression target's (or a label's) prediction column: {@code Price_predicted}. */
  public static final String PREDICTED_SUFFIX = "_predicted";

  private static final char SEPARATOR = ',';
  private static final char LINE_END = '\n';

  private final PendingFile pending;
  private final Writer out;
  private final boolean withTrueLabel;
  private final Task task;
  private final int classes;
  private final double[] thresholds;
  private final StringBuilder line = new StringBuilder();
  private long rows;
  private boolean failed;

  private PredictionsWriter(PendingFile pending, boolean withTrueLabel, Task task, double[] thresholds) {
    this.pending = pending;
    this.out = new OutputStreamWriter(pending.stream(), StandardCharsets.UTF_8);
    this.withTrueLabel = withTrueLabel;
    this.task = task;
    this.classes = task.outputs();
    this.thresholds = thresholds;
  }

  /**
   * The task a model without one on record stands for: one output is a binary classifier of
   * classes {@code 0} and {@code 1}, k outputs a k-class classifier of classes {@code 0..k-1}.
   */
  public static Task unnamedTask(int classes) {
    if (classes == 1) {
      return new Binary(TRUE_LABEL, List.of("0", "1"));
    }
    List<String> names = new ArrayList<>();
    for (int c = 0; c < classes; c++) {
      names.add(Integer.toString(c));
    }
    return new MultiClass(TRUE_LABEL, names);
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
    return open(file, unnamedTask(classes), withTrueLabel, Thresholds.of(threshold));
  }

  /**
   * Starts writing {@code file} in the layout of {@code task} and writes the header.
   *
   * @param withTruth whether to add the true value column(s)
   * @param thresholds the decision thresholds of a binary task (its one) or a multi-label task
   *     (each label's, {@link Thresholds#forOutputs}); unused otherwise
   */
  public static PredictionsWriter open(Path file, Task task, boolean withTruth, Thresholds thresholds) {
    return open(file, task, withTruth, thresholds.forOutputs(task));
  }

  private static PredictionsWriter open(Path file, Task task, boolean withTruth, double[] thresholds) {
    PendingFile pending = PendingFile.open(file);
    try {
      PredictionsWriter writer = new PredictionsWriter(pending, withTruth, task, thresholds.clone());
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
    if (classes < 1) {
      throw new SpecException("classes", "the number of classes must be 1 (binary) or more, got " + classes);
    }
    writeAll(file, unnamedTask(classes), withTrueLabel, Thresholds.of(threshold), rows);
  }

  /**
   * {@link #writeAll(Path, boolean, int, double, Consumer)} in the layout of {@code task}, decided
   * at {@code thresholds}.
   */
  public static void writeAll(Path file, Task task, boolean withTruth, Thresholds thresholds,
      Consumer<PredictionsWriter> rows) {
    try (PredictionsWriter writer = open(file, task, withTruth, thresholds)) {
      try {
        rows.accept(writer);
      } catch (RuntimeException | Error e) {
        writer.abort();
        throw e;
      }
    }
  }

  /** The header columns of {@code task}'s layout, {@code row} first. */
  public static List<String> columns(Task task, boolean withTruth) {
    List<String> cols = new ArrayList<>();
    cols.add(ROW);
    if (task instanceof Regression || task instanceof MultiLabel) {
      boolean labels = task instanceof MultiLabel;
      for (String target : task.targets()) {
        if (labels) {
          cols.add(CLASS_PROBABILITY_PREFIX + target);
        }
        cols.add(target + PREDICTED_SUFFIX);
        if (withTruth) {
          cols.add(target);
        }
      }
      return cols;
    }
    if (task instanceof Binary) {
      cols.add(positiveColumn(task));
    } else {
      task.classes().forEach(c -> cols.add(CLASS_PROBABILITY_PREFIX + c));
    }
    cols.add(PREDICTED_CLASS);
    if (withTruth) {
      cols.add(TRUE_LABEL);
    }
    return cols;
  }

  /**
   * The column of a binary model's one probability: {@code p_} and its positive class (the second
   * of {@code task.classes()}, the one {@code positive_class} names).
   */
  public static String positiveColumn(Task task) {
    return CLASS_PROBABILITY_PREFIX + task.classes().get(1);
  }

  private void header() {
    line.append(String.join(String.valueOf(SEPARATOR), columns(task, withTrueLabel)));
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
    write(row, probs, new double[] {trueLabelOrNaN});
  }

  /**
   * Writes one row of any task.
   *
   * @param row the row id
   * @param outputs the model's outputs for the row ({@code task.outputs()} values)
   * @param truth the known values: one class index for binary and multi-class, one value per target
   *     otherwise; NaN where unknown (ignored without the truth columns)
   * @throws SpecException if {@code outputs} has the wrong length
   * @throws UncheckedIOException if the disk write fails
   */
  public void write(long row, double[] outputs, double[] truth) {
    if (outputs.length != classes) {
      failed = true;
      throw new SpecException("predictions[" + row + "]", "expected " + classes
          + " output" + (classes == 1 ? "" : "s") + " per row, got " + outputs.length);
    }
    line.append(row);
    if (task instanceof Binary) {
      classRow(outputs, Thresholds.decide(outputs[0], thresholds, 0) ? 1 : 0, truth[0]);
    } else if (task instanceof MultiClass) {
      classRow(outputs, predictedClass(outputs), truth[0]);
    } else {
      boolean labels = task instanceof MultiLabel;
      for (int j = 0; j < classes; j++) {
        line.append(SEPARATOR).append(PythonFloat.repr(outputs[j]));
        if (labels) {
          line.append(SEPARATOR).append(Thresholds.decide(outputs[j], thresholds, j) ? 1 : 0);
        }
        if (withTrueLabel) {
          line.append(SEPARATOR).append(label(truth[j]));
        }
      }
    }
    flushLine();
    rows++;
  }

  private void classRow(double[] probs, int predicted, double truth) {
    for (double p : probs) {
      line.append(SEPARATOR).append(PythonFloat.repr(p));
    }
    List<String> names = task.classes();
    line.append(SEPARATOR).append(names.get(predicted));
    if (withTrueLabel) {
      boolean named = truth == Math.rint(truth) && truth >= 0 && truth < names.size();
      line.append(SEPARATOR).append(named ? names.get((int) truth) : label(truth));
    }
  }

  private int predictedClass(double[] probs) {
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
