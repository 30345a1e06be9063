package dev.lamina.run;

import dev.lamina.task.Binary;
import dev.lamina.task.MultiLabel;
import dev.lamina.task.Regression;
import dev.lamina.task.Task;
import dev.lamina.task.Thresholds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a scoring pass ({@link CsvScorer}) did, by task, and the line {@code predict} prints:
 * <ul>
 *   <li>binary and multi-class: rows per predicted class, by name ({@code 30 rows: 10 setosa,
 *       11 versicolor, 9 virginica}), and for binary the threshold;</li>
 *   <li>multi-label: per label, the rows predicted positive at its threshold ({@code Exited: 203 of
 *       1000 predicted positive at threshold 0.5});</li>
 *   <li>regression: the test MAE, RMSE and R2 when the file holds the true values.</li>
 * </ul>
 *
 * @param task the model's task
 * @param rows rows scored
 * @param counts rows per predicted class (binary, multi-class) or predicted 1 per label
 *     (multi-label); empty for a regression
 * @param scores MAE, RMSE and R2 against the file's true values (regression), over the rows that
 *     have them (keys {@code test_mae}, {@code test_rmse}, {@code test_r2}, averaged over the
 *     targets, and with several targets also {@code test_mae_<target>} etc. per target), else empty
 * @param thresholds the decision thresholds used (binary: the one; multi-label: per label)
 * @param unseenRows rows holding a category the model never saw, scored as all zeros by columns
 *     with {@code handle_unknown: ignore}
 * @param unseen how often each such value occurred, by {@code column=value}, in order of first
 *     appearance
 * @param unlabelled rows of a file with the target column whose target cell is missing or no
 *     value of the target ({@code ?}, text in a numeric target, a class never seen in training):
 *     scored all the same, with an empty true value, and left out of the scores
 * @param firstUnlabelled the first such row (1-based data row), or 0
 */
public record PredictSummary(Task task, long rows, long[] counts, Map<String, Double> scores, Thresholds thresholds,
    long unseenRows, Map<String, Long> unseen, long unlabelled, long firstUnlabelled) {
  /** How many {@code column=value} pairs {@link #describe()} lists before "and N more". */
  public static final int UNSEEN_SHOWN = 5;

  /** Copies. */
  public PredictSummary {
    counts = counts.clone();
    scores = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(scores));
    unseen = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(unseen));
  }

  /** Rows predicted as the positive class (binary), or 0. */
  public long positives() {
    return task instanceof Binary ? counts[1] : 0;
  }

  /** {@code MAE 1.2, RMSE 2.3, R2 0.45} of the scores whose keys end in {@code suffix}. */
  private String errors(String suffix) {
    List<String> parts = new ArrayList<>();
    for (String key : List.of(RegressionReport.MAE, RegressionReport.RMSE, RegressionReport.R2)) {
      parts.add(key.replace("test_", "").toUpperCase(Locale.ROOT) + " "
          + String.format(Locale.ROOT, "%.4f", scores.get(key + suffix)));
    }
    return String.join(", ", parts);
  }

  /** The summary line, without the output file. */
  public String describe() {
    StringBuilder sb = new StringBuilder("scored ").append(rows).append(" rows");
    if (task instanceof Regression) {
      if (!scores.isEmpty()) {
        sb.append(" (").append(errors("")).append(" against the file's ")
            .append(String.join(", ", task.targets()));
        if (task.targets().size() > 1) {
          sb.append(", averaged; ");
          List<String> each = new ArrayList<>();
          for (String t : task.targets()) {
            each.add(t + ": " + errors("_" + t));
          }
          sb.append(String.join("; ", each));
        }
        sb.append(")");
      }
    } else {
      List<String> names = task instanceof MultiLabel ? task.targets() : task.classes();
      List<String> parts = new ArrayList<>();
      for (int c = 0; c < names.size(); c++) {
        parts.add(task instanceof MultiLabel
            ? names.get(c) + ": " + counts[c] + " of " + rows + " predicted positive at threshold "
                + thresholds.of(names.get(c))
            : counts[c] + " " + names.get(c));
      }
      sb.append(": ").append(String.join(task instanceof MultiLabel ? "; " : ", ", parts));
      if (task instanceof Binary) {
        sb.append(" (").append(names.get(1)).append(" when p > ").append(thresholds.fallback()).append(")");
      }
    }
    if (unlabelled > 0) {
      String target = String.join(", ", task.targets());
      sb.append("; ").append(unlabelled).append(unlabelled == 1 ? " row has" : " rows have")
          .append(" no usable value in ").append(target).append(" (missing, or not a ")
          .append(task.classification() ? "class" : "number").append(" the model knows; first at row ")
          .append(firstUnlabelled).append("): scored all the same, with an empty true value")
          .append(task instanceof Regression ? ", and left out of the MAE, RMSE and R2" : "");
    }
    if (unseenRows > 0) {
      List<String> parts = new ArrayList<>();
      unseen.entrySet().stream().limit(UNSEEN_SHOWN).forEach(e -> parts.add(e.getKey() + " (" + e.getValue() + ")"));
      if (unseen.size() > UNSEEN_SHOWN) {
        parts.add("and " + (unseen.size() - UNSEEN_SHOWN) + " more");
      }
      sb.append("; ").append(unseenRows).append(unseenRows == 1 ? " row had" : " rows had")
          .append(" unseen categories, scored as all zeros: ").append(String.join(", ", parts));
    }
    return sb.toString();
  }
}
