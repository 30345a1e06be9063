package dev.lamina.fluent;

import dev.lamina.table.CsvFormat;
import dev.lamina.table.DataSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the {@code data:} section in Java, the same {@link DataSpec} the YAML reader makes:
 * <pre>{@code
 * DataSpec data = Lamina.data("linnerud.csv")
 *     .targets("Weight", "Waist", "Pulse")   // one output unit each
 *     .testSplit(0.25)
 *     .build();
 * }</pre>
 * Every setting the builder leaves alone takes the YAML default ({@code scale: standard},
 * {@code test_split: 0.2}, or 0 with a test CSV; {@code drop_first: true}, {@code stratify: false});
 * {@link #build()} validates as the YAML reader does (a target named twice, a target also in
 * {@code features}, ...: a {@link dev.lamina.spec.SpecException} at the key). Not thread-safe.
 */
public final class DataBuilder {
  private final String csv;
  private String testCsv;
  private final List<String> targets = new ArrayList<>();
  private final List<String> drop = new ArrayList<>();
  private final List<String> features = new ArrayList<>();
  private final List<String> oneHot = new ArrayList<>();
  private boolean dropFirst = true;
  private final List<String> labelEncode = new ArrayList<>();
  private String scale = DataSpec.DEFAULT_SCALE;
  private Double testSplit;
  private boolean stratify;
  private final Map<String, Object> fillMissing = new LinkedHashMap<>();
  private String sampleWeight;
  private CsvFormat format;
  private String positiveClass;

  DataBuilder(String csv) {
    this.csv = csv;
  }

  /** The one column the model predicts ({@code target: Exited}); replaces any targets set before. */
  public DataBuilder target(String column) {
    targets.clear();
    targets.add(column);
    return this;
  }

  /**
   * Several columns the model predicts, one output unit each, in this order
   * ({@code target: [Weight, Waist, Pulse]}): a multi-output regression, or under
   * {@code binary_crossentropy} a multi-label classifier of 0/1 columns. Replaces any targets set before.
   */
  public DataBuilder targets(String... columns) {
    targets.clear();
    targets.addAll(List.of(columns));
    return this;
  }

  /** A separate test CSV ({@code test_csv}); then no rows are held out unless {@link #testSplit} says so. */
  public DataBuilder testCsv(String file) {
    this.testCsv = file;
    return this;
  }

  /** Columns left out ({@code drop}); exclusive with {@link #features}. */
  public DataBuilder drop(String... columns) {
    drop.addAll(List.of(columns));
    return this;
  }

  /** The columns kept, in order ({@code features}). */
  public DataBuilder features(String... columns) {
    features.addAll(List.of(columns));
    return this;
  }

  /** Categorical columns one-hot encoded ({@code one_hot}). */
  public DataBuilder oneHot(String... columns) {
    oneHot.addAll(List.of(columns));
    return this;
  }

  /** Whether one-hot drops the first level ({@code drop_first}, default true). */
  public DataBuilder dropFirst(boolean first) {
    this.dropFirst = first;
    return this;
  }

  /** Categorical columns encoded as 0..k-1 ({@code label_encode}). */
  public DataBuilder labelEncode(String... columns) {
    labelEncode.addAll(List.of(columns));
    return this;
  }

  /** {@code standard}, {@code minmax} or {@code none} ({@code scale}). */
  public DataBuilder scale(String kind) {
    this.scale = kind;
    return this;
  }

  /** The fraction of rows held out for testing ({@code test_split}). */
  public DataBuilder testSplit(double fraction) {
    this.testSplit = fraction;
    return this;
  }

  /** Whether the test split keeps the label proportions ({@code stratify}). */
  public DataBuilder stratify(boolean keep) {
    this.stratify = keep;
    return this;
  }

  /** A fill rule for {@code column}: a number, or {@code mean}, {@code median} or {@code mode} ({@code fill_missing}). */
  public DataBuilder fillMissing(String column, Object rule) {
    fillMissing.put(column, rule);
    return this;
  }

  /** The column holding each row's sample weight ({@code sample_weight}). */
  public DataBuilder sampleWeight(String column) {
    this.sampleWeight = column;
    return this;
  }

  /** How the CSV files are written ({@code delimiter}, {@code decimal}, {@code encoding}). */
  public DataBuilder format(CsvFormat csvFormat) {
    this.format = csvFormat;
    return this;
  }

  /** The class a binary target's probability describes ({@code positive_class}; default the second sorted class). */
  public DataBuilder positiveClass(String positive) {
    this.positiveClass = positive;
    return this;
  }

  /** The data section. */
  public DataSpec build() {
    double split = testSplit != null ? testSplit : testCsv == null ? DataSpec.DEFAULT_TEST_SPLIT : 0;
    return new DataSpec(csv, testCsv, targets, drop, features, oneHot, dropFirst, labelEncode, scale, split, stratify,
        fillMissing, sampleWeight, format, positiveClass, null);
  }
}
