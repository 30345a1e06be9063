package dev.lamina.table;

import dev.lamina.spec.Names;
import dev.lamina.spec.SpecException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code data: {handle_unknown: ...}}: what a one-hot column does with a category the model never
 * saw in training, as scikit-learn's {@code OneHotEncoder(handle_unknown=...)}:
 * <ul>
 *   <li>{@link Policy#ERROR} (the default): the row is refused, naming the file (or request), row,
 *       column and value;</li>
 *   <li>{@link Policy#IGNORE}: the category is encoded as all zeros, and {@code predict} counts and
 *       reports it ({@code 2 rows had unseen categories: Geography=Italy (2)}). With
 *       {@code drop_first} (the default) all zeros is also the first level's encoding, as in
 *       scikit-learn with {@code drop='first'}.</li>
 * </ul>
 * YAML: {@code handle_unknown: ignore} for every one-hot column, or {@code handle_unknown:
 * {Geography: ignore}} per column (the columns not listed keep {@code error}). The setting is saved
 * in {@code model.lamina} with each one-hot column, so {@code predict}, {@code Predictor}, the
 * server and the ONNX export all follow it. Label-encoded columns always refuse an unseen level.
 *
 * @param all the policy of the one-hot columns that {@code columns} does not list
 * @param columns the policy per one-hot column
 */
public record UnknownCategories(Policy all, Map<String, Policy> columns) {
  /** What a column does with an unseen category. */
  public enum Policy {
    /** Refuse the row (scikit-learn's {@code handle_unknown='error'}). */
    ERROR,
    /** Encode it as all zeros and count it (scikit-learn's {@code handle_unknown='ignore'}). */
    IGNORE;

    /** The YAML word: {@code error} or {@code ignore}. */
    public String yamlName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The default: every one-hot column refuses an unseen category. */
  public static final UnknownCategories ERROR = new UnknownCategories(Policy.ERROR, Map.of());
  /** Every one-hot column encodes an unseen category as all zeros. */
  public static final UnknownCategories IGNORE = new UnknownCategories(Policy.IGNORE, Map.of());

  /** Copies the map, keeping its order. */
  public UnknownCategories {
    all = all == null ? Policy.ERROR : all;
    columns = columns == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    if (all != Policy.ERROR && !columns.isEmpty()) {
      throw new SpecException("handle_unknown", "give handle_unknown either one policy for every one-hot column "
          + "(handle_unknown: ignore) or one per column ({Geography: ignore}), not both");
    }
  }

  /** A policy per column; the columns not listed refuse unseen categories. */
  public static UnknownCategories perColumn(Map<String, Policy> columns) {
    return new UnknownCategories(Policy.ERROR, columns);
  }

  /** The policy of {@code column}. */
  public Policy of(String column) {
    return columns.getOrDefault(column, all);
  }

  /** Whether this is the default (every column refuses). */
  public boolean isDefault() {
    return all == Policy.ERROR && columns.values().stream().allMatch(p -> p == Policy.ERROR);
  }

  /**
   * The policy a YAML word names.
   *
   * @throws SpecException at {@code path} for another word, with "did you mean"
   */
  public static Policy policy(String word, String path) {
    for (Policy p : Policy.values()) {
      if (p.yamlName().equals(word == null ? null : word.strip().toLowerCase(Locale.ROOT))) {
        return p;
      }
    }
    List<String> names = List.of(Policy.ERROR.yamlName(), Policy.IGNORE.yamlName());
    throw new SpecException(path, "handle_unknown must be error or ignore (scikit-learn's OneHotEncoder), got '" + word
        + "'." + Names.didYouMean(String.valueOf(word), names));
  }

  /**
   * Checks that every listed column is one-hot encoded.
   *
   * @throws SpecException at {@code handle_unknown.<column>} naming the one-hot columns
   */
  void check(List<String> oneHot, List<String> labelEncode) {
    for (String c : columns.keySet()) {
      if (!oneHot.contains(c)) {
        throw new SpecException("handle_unknown." + c, "'" + c + "' is not a one_hot column; handle_unknown applies to "
            + "the one_hot columns " + oneHot + (labelEncode.contains(c) ? " (a label_encode column always refuses an "
            + "unseen level)" : "") + "." + Names.didYouMean(c, oneHot));
      }
    }
  }
}
