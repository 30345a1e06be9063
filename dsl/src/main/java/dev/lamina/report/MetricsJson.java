package dev.lamina.report;

import java.nio.file.Path;
import java.util.Map;

/**
 * {@code metrics.json}: the run's final numbers as one pretty JSON object.
 *
 * <p>The keys the command line writes are {@value #TEST_LOSS}, {@code test_<metric>} for each
 * compiled metric (for example {@value #TEST_ACCURACY}, the value of Keras's
 * {@code model.evaluate(x_test, y_test)}), {@value #TRAIN_SECONDS} and {@value #EPOCHS_RUN}; any
 * other entry is written as well. Classification runs add the keys of
 * {@link dev.lamina.run.TestReport} ({@code test_confusion_matrix}, {@code test_precision},
 * {@code test_recall}, {@code test_f1}, {@code test_roc_auc}, {@code test_pr_auc}: exact values
 * from every test score, the AUCs rank-based with ties averaged, not Keras's 200-bucket
 * approximation), a binary model's {@code threshold} and {@code threshold_strategy}, a multi-label
 * model's {@code thresholds} (each label's, by name). Keys keep the map's iteration order (pass a
 * {@link java.util.LinkedHashMap}), so the file is stable from run to run.
 *
 * <p>Values may be numbers, strings, booleans, null, nested maps, lists or {@code double[]}.
 * NaN and infinities are written as {@code null}, because JSON has no NaN: a diverged run
 * ({@code test_loss} NaN) therefore reads back as null, not as a string. Example:
 *
 * <pre>{@code
 * {
 *   "test_loss": 0.4712,
 *   "test_accuracy": 0.7734375,
 *   "train_seconds": 3.25,
 *   "epochs_run": 150
 * }
 * }</pre>
 */
public final class MetricsJson {
  /** Loss on the test set, as {@code model.evaluate} returns it first. */
  public static final String TEST_LOSS = "test_loss";
  /** Accuracy on the test set; other metrics follow the same {@value #TEST_PREFIX} pattern. */
  public static final String TEST_ACCURACY = "test_accuracy";
  /** Prefix of every test-set metric key. */
  public static final String TEST_PREFIX = "test_";
  /** Wall-clock seconds spent in fit. */
  public static final String TRAIN_SECONDS = "train_seconds";
  /** Epochs actually trained (fewer than asked when early stopping fired). */
  public static final String EPOCHS_RUN = "epochs_run";

  private MetricsJson() {}

  /** The text {@link #write} writes. */
  public static String toJson(Map<String, ?> metrics) {
    return JsonText.pretty(metrics);
  }

  /**
   * Writes {@code metrics} to {@code file} atomically (see {@link AtomicFile}).
   *
   * @throws java.io.UncheckedIOException if the file cannot be written; the previous one survives
   */
  public static void write(Path file, Map<String, ?> metrics) {
    AtomicFile.writeString(file, toJson(metrics));
  }
}
