package dev.lamina.table;

import dev.lamina.spec.SpecException;
import java.util.List;
import java.util.Map;

/**
 * The {@code data:} section of a run: where the rows come from and how they become numbers.
 *
 * @param csv the training CSV, relative to the spec file (the command line's --data overrides it)
 * @param testCsv an optional separate test CSV (then {@code testSplit} must be 0, the YAML default with test_csv)
 * @param target the label column
 * @param drop columns to leave out (identifiers); exclusive with {@code features}
 * @param features the columns to keep, in order (all others but the target are dropped), or empty
 * @param oneHot categorical columns to one-hot encode, levels sorted, first level dropped when
 *     {@code dropFirst} (pandas {@code get_dummies(drop_first=True)})
 * @param dropFirst whether one-hot drops the first level (default true)
 * @param labelEncode categorical columns encoded as 0..k-1 in sorted level order
 * @param scale {@code standard}, {@code minmax} or {@code none}; fitted on the training split only
 * @param testSplit fraction of rows held out for testing, in [0, 1)
 * @param stratify whether the test split keeps the label proportions
 * @param fillMissing per column: a number, or {@code mean}, {@code median} or {@code mode}
 *     (computed on the training split); columns not named make a missing value an error
 * @param sampleWeight a numeric column holding each row's sample weight (Keras's
 *     {@code fit(sample_weight=...)}), or null; it is not a feature, and every value must be a
 *     finite number &gt;= 0
 * @param format how the CSV files are written (delimiter, decimal mark, encoding); the default
 *     {@link CsvFormat#DEFAULT} when null
 * @param positiveClass for a binary target, the class the model's probability, precision, recall,
 *     ROC curve and threshold describe (scikit-learn's {@code pos_label}); null for the default,
 *     the second of the two sorted class names ({@code 1} of a 0/1 target, {@code Yes} of
 *     {@code No}/{@code Yes}). Checked against the target's classes when the data is read.
 * @param handleUnknown what one-hot columns do with a category never seen in training
 *     ({@code handle_unknown}, scikit-learn's {@code OneHotEncoder}); {@link UnknownCategories#ERROR}
 *     when null
 */
public record DataSpec(String csv, String testCsv, String target, List<String> drop, List<String> features,
    List<String> oneHot, boolean dropFirst, List<String> labelEncode, String scale, double testSplit,
    boolean stratify, Map<String, Object> fillMissing, String sampleWeight, CsvFormat format, String positiveClass,
    UnknownCategories handleUnknown) {
  /** The scalings the pipeline knows. */
  public static final List<String> SCALES = List.of("standard", "minmax", "none");
  /** Default scaling. */
  public static final String DEFAULT_SCALE = "standard";
  /** pandas {@code get_dummies(drop_first=True)}, as the article encodes Geography and Gender. */
  public static final boolean DEFAULT_DROP_FIRST = true;
  /** scikit-learn's {@code train_test_split(stratify=None)}. */
  public static final boolean DEFAULT_STRATIFY = false;
  /** Default test split. */
  public static final double DEFAULT_TEST_SPLIT = 0.2;

  /** Fills in defaults and validates. */
  public DataSpec {
    if (target == null || target.isBlank()) {
      throw new SpecException("target", "data needs a target column, e.g. target: Exited");
    }
    drop = drop == null ? List.of() : List.copyOf(drop);
    features = features == null ? List.of() : List.copyOf(features);
    oneHot = oneHot == null ? List.of() : List.copyOf(oneHot);
    labelEncode = labelEncode == null ? List.of() : List.copyOf(labelEncode);
    fillMissing = fillMissing == null ? Map.of() : Map.copyOf(fillMissing);
    scale = scale == null ? DEFAULT_SCALE : scale;
    format = format == null ? CsvFormat.DEFAULT : format;
    handleUnknown = handleUnknown == null ? UnknownCategories.ERROR : handleUnknown;
    handleUnknown.check(oneHot, labelEncode);
    if (positiveClass != null && positiveClass.isBlank()) {
      throw new SpecException("positive_class", "positive_class names one of the target's two classes, e.g."
          + " positive_class: left; leave it out for the default (the second class in sorted order, 1 of a 0/1 target)");
    }
    if (!SCALES.contains(scale)) {
      throw new SpecException("scale", "scale must be one of " + SCALES + ", got '" + scale + "'");
    }
    if (!(testSplit >= 0 && testSplit < 1)) {
      throw new SpecException("test_split", "test_split must be in [0, 1), got " + testSplit);
    }
    if (!drop.isEmpty() && !features.isEmpty()) {
      throw new SpecException("features", "give either drop or features, not both");
    }
    if (testCsv != null && testSplit > 0) {
      throw new SpecException("test_split", "with test_csv the test rows come from that file, and test_split would hold"
          + " out more: remove test_split (it is 0 with test_csv) or remove test_csv");
    }
    checkTargetIsNotAnInput(target, "features", features);
    checkTargetIsNotAnInput(target, "one_hot", oneHot);
    checkTargetIsNotAnInput(target, "label_encode", labelEncode);
    checkTargetIsNotAnInput(target, "drop", drop);
    if (sampleWeight != null && sampleWeight.equals(target)) {
      throw new SpecException("sample_weight", "the sample_weight column cannot be the target '" + target + "'");
    }
    if (sampleWeight != null && features.contains(sampleWeight)) {
      throw new SpecException("sample_weight", "the sample_weight column '" + sampleWeight
          + "' cannot also be a feature: remove it from features");
    }
  }

  /**
   * The target is what the model predicts: never one of its inputs (the model would read its own
   * answer), nor dropped. A spec error, so {@code validate} finds it without the data.
   */
  private static void checkTargetIsNotAnInput(String target, String key, List<String> columns) {
    int at = columns.indexOf(target);
    if (at >= 0) {
      throw new SpecException(key + "[" + at + "]", "'" + target + "' is the target column, so it cannot be in " + key
          + (key.equals("drop") ? "" : ": the model would read the answer it has to predict") + "; remove it from "
          + key + (key.equals("one_hot") || key.equals("label_encode") ? " (text labels are encoded by the target "
          + "itself)" : ""));
    }
  }

  /** A data section with the default positive class and one-hot columns that refuse unseen categories. */
  public DataSpec(String csv, String testCsv, String target, List<String> drop, List<String> features,
      List<String> oneHot, boolean dropFirst, List<String> labelEncode, String scale, double testSplit,
      boolean stratify, Map<String, Object> fillMissing, String sampleWeight, CsvFormat format) {
    this(csv, testCsv, target, drop, features, oneHot, dropFirst, labelEncode, scale, testSplit, stratify, fillMissing,
        sampleWeight, format, null, null);
  }

  /** A data section with the given positive class and one-hot columns that refuse unseen categories. */
  public DataSpec(String csv, String testCsv, String target, List<String> drop, List<String> features,
      List<String> oneHot, boolean dropFirst, List<String> labelEncode, String scale, double testSplit,
      boolean stratify, Map<String, Object> fillMissing, String sampleWeight, CsvFormat format, String positiveClass) {
    this(csv, testCsv, target, drop, features, oneHot, dropFirst, labelEncode, scale, testSplit, stratify, fillMissing,
        sampleWeight, format, positiveClass, null);
  }

  /** A copy with another {@code handle_unknown} (the fluent way to set it). */
  public DataSpec withHandleUnknown(UnknownCategories h) {
    return new DataSpec(csv, testCsv, target, drop, features, oneHot, dropFirst, labelEncode, scale, testSplit, stratify,
        fillMissing, sampleWeight, format, positiveClass, h);
  }

  /**
   * This data section with {@code positive} as the positive class of its binary target
   * ({@code data: {positive_class: left}}).
   */
  public DataSpec withPositiveClass(String positive) {
    return new DataSpec(csv, testCsv, target, drop, features, oneHot, dropFirst, labelEncode, scale, testSplit,
        stratify, fillMissing, sampleWeight, format, positive, handleUnknown);
  }

  /** A data section of a CSV in the default format. */
  public DataSpec(String csv, String testCsv, String target, List<String> drop, List<String> features,
      List<String> oneHot, boolean dropFirst, List<String> labelEncode, String scale, double testSplit,
      boolean stratify, Map<String, Object> fillMissing, String sampleWeight) {
    this(csv, testCsv, target, drop, features, oneHot, dropFirst, labelEncode, scale, testSplit, stratify, fillMissing,
        sampleWeight, (CsvFormat) null);
  }

  /** A data section without a sample-weight column. */
  public DataSpec(String csv, String testCsv, String target, List<String> drop, List<String> features,
      List<String> oneHot, boolean dropFirst, List<String> labelEncode, String scale, double testSplit,
      boolean stratify, Map<String, Object> fillMissing) {
    this(csv, testCsv, target, drop, features, oneHot, dropFirst, labelEncode, scale, testSplit, stratify, fillMissing,
        null);
  }
}
