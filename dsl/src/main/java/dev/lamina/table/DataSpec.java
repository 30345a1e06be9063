package dev.lamina.table;

import dev.lamina.spec.SpecException;
import java.util.List;
import java.util.Map;

/**
 * The {@code data:} section of a run: where the rows come from and how they become numbers.
 *
 * @param csv the training CSV, relative to the spec file (the command line's --data overrides it)
 * @param testCsv an optional separate test CSV (then {@code testSplit} must be 0, the YAML default with test_csv)
 * @param targets the target column(s), in output order: one for a binary, multi-class or single
 *     regression model ({@code target: Exited}), several for a multi-output regression or a
 *     multi-label classifier ({@code target: [Weight, Waist, Pulse]}); each named once
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
public record DataSpec(String csv, String testCsv, List<String> targets, List<String> drop, List<String> features,
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
    targets = checkTargets(targets);
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
    for (String target : targets) {
      checkTargetIsNotAnInput(target, targets.size() > 1, "features", features);
      checkTargetIsNotAnInput(target, targets.size() > 1, "one_hot", oneHot);
      checkTargetIsNotAnInput(target, targets.size() > 1, "label_encode", labelEncode);
      checkTargetIsNotAnInput(target, targets.size() > 1, "drop", drop);
      if (target.equals(sampleWeight)) {
        throw new SpecException("sample_weight", "the sample_weight column cannot be the target '" + target + "'");
      }
    }
    if (positiveClass != null && targets.size() > 1) {
      throw new SpecException("positive_class", "positive_class names the positive class of one binary target, but"
          + " target names " + targets.size() + " columns " + targets + "; each label of a multi-label model is 1 when"
          + " positive: remove positive_class");
    }
    if (stratify && targets.size() > 1) {
      throw new SpecException("stratify", "stratify keeps one target's class proportions in the test split, but target"
          + " names " + targets.size() + " columns " + targets + "; remove stratify (or set it to false)");
    }
    if (sampleWeight != null && features.contains(sampleWeight)) {
      throw new SpecException("sample_weight", "the sample_weight column '" + sampleWeight
          + "' cannot also be a feature: remove it from features");
    }
  }

  /**
   * The target list: at least one name, none blank, none twice (each would be one output unit,
   * and two outputs trained on one column are a mistake). Errors point at {@code target[i]}.
   */
  private static List<String> checkTargets(List<String> targets) {
    if (targets == null || targets.isEmpty()) {
      throw new SpecException("target", "data needs a target column, e.g. target: Exited");
    }
    for (int i = 0; i < targets.size(); i++) {
      String t = targets.get(i);
      String at = targets.size() == 1 ? "target" : "target[" + i + "]";
      if (t == null || t.isBlank()) {
        throw new SpecException(at, "a target needs a column name, e.g. target: Exited");
      }
      int first = targets.indexOf(t);
      if (first < i) {
        throw new SpecException(at, "'" + t + "' is named twice in target (at " + first + " and " + i + "); each target"
            + " is one output of the model, so list each column once");
      }
    }
    return List.copyOf(targets);
  }

  /** The one target of a single-target spec, or the first of several (the column a split stratifies by). */
  public String firstTarget() {
    return targets.get(0);
  }

  /**
   * The target is what the model predicts: never one of its inputs (the model would read its own
   * answer), nor dropped. A spec error, so {@code validate} finds it without the data.
   */
  private static void checkTargetIsNotAnInput(String target, boolean several, String key, List<String> columns) {
    int at = columns.indexOf(target);
    if (at >= 0) {
      throw new SpecException(key + "[" + at + "]", "'" + target + "' is " + (several ? "a" : "the")
          + " target column, so it cannot be in " + key
          + (key.equals("drop") ? "" : ": the model would read the answer it has to predict") + "; remove it from "
          + key + (key.equals("one_hot") || key.equals("label_encode") ? " (text labels are encoded by the target "
          + "itself)" : ""));
    }
  }

  /** A data section of one target column, with the default positive class and one-hot columns that refuse unseen categories. */
  public DataSpec(String csv, String testCsv, String target, List<String> drop, List<String> features,
      List<String> oneHot, boolean dropFirst, List<String> labelEncode, String scale, double testSplit,
      boolean stratify, Map<String, Object> fillMissing, String sampleWeight, CsvFormat format) {
    this(csv, testCsv, target, drop, features, oneHot, dropFirst, labelEncode, scale, testSplit, stratify, fillMissing,
        sampleWeight, format, null);
  }

  /** A data section of one target column, with the given positive class and one-hot columns that refuse unseen categories. */
  public DataSpec(String csv, String testCsv, String target, List<String> drop, List<String> features,
      List<String> oneHot, boolean dropFirst, List<String> labelEncode, String scale, double testSplit,
      boolean stratify, Map<String, Object> fillMissing, String sampleWeight, CsvFormat format, String positiveClass) {
    this(csv, testCsv, target == null ? null : List.of(target), drop, features, oneHot, dropFirst, labelEncode, scale,
        testSplit, stratify, fillMissing, sampleWeight, format, positiveClass, null);
  }

  /**
   * This data section reading {@code csv} and {@code testCsv} instead (e.g. the same files seen from
   * another folder); every other setting is kept.
   */
  public DataSpec withFiles(String csv, String testCsv) {
    return new DataSpec(csv, testCsv, targets, drop, features, oneHot, dropFirst, labelEncode, scale, testSplit,
        stratify, fillMissing, sampleWeight, format, positiveClass, handleUnknown);
  }

  /** A copy with another {@code handle_unknown} (the fluent way to set it). */
  public DataSpec withHandleUnknown(UnknownCategories h) {
    return new DataSpec(csv, testCsv, targets, drop, features, oneHot, dropFirst, labelEncode, scale, testSplit,
        stratify, fillMissing, sampleWeight, format, positiveClass, h);
  }

  /**
   * This data section with {@code positive} as the positive class of its binary target
   * ({@code data: {positive_class: left}}).
   */
  public DataSpec withPositiveClass(String positive) {
    return new DataSpec(csv, testCsv, targets, drop, features, oneHot, dropFirst, labelEncode, scale, testSplit,
        stratify, fillMissing, sampleWeight, format, positive, handleUnknown);
  }

  /** A data section of one target column, of a CSV in the default format. */
  public DataSpec(String csv, String testCsv, String target, List<String> drop, List<String> features,
      List<String> oneHot, boolean dropFirst, List<String> labelEncode, String scale, double testSplit,
      boolean stratify, Map<String, Object> fillMissing, String sampleWeight) {
    this(csv, testCsv, target, drop, features, oneHot, dropFirst, labelEncode, scale, testSplit, stratify, fillMissing,
        sampleWeight, (CsvFormat) null);
  }

  /** A data section of one target column, without a sample-weight column. */
  public DataSpec(String csv, String testCsv, String target, List<String> drop, List<String> features,
      List<String> oneHot, boolean dropFirst, List<String> labelEncode, String scale, double testSplit,
      boolean stratify, Map<String, Object> fillMissing) {
    this(csv, testCsv, target, drop, features, oneHot, dropFirst, labelEncode, scale, testSplit, stratify, fillMissing,
        null);
  }
}
