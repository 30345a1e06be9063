package dev.lamina.table;

import dev.lamina.spec.Names;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which CSV columns become features and how, resolved from a {@link DataSpec} against a header.
 *
 * <p>Inputs are the {@code features} list in its order, or else every column but the targets and
 * the {@code drop} list, in file order. A column is one-hot or label encoded when listed there,
 * and numeric otherwise. Every name the spec gives must be in the file (with a did-you-mean), and
 * contradictions (a dropped column that is also one-hot, the target as a feature) are errors.
 *
 * @param inputs the input columns in feature order
 * @param kinds each input's encoding kind ({@link NumericColumn#KIND}, {@link OneHotColumn#KIND}
 *     or {@link LabelColumn#KIND})
 * @param fills the fill rule of each input that has one
 */
record ColumnPlan(List<String> inputs, Map<String, String> kinds, Map<String, FillRule> fills) {

  static ColumnPlan resolve(DataSpec spec, String file, List<String> header) {
    List<String> targets = spec.targets();
    for (String target : targets) {
      if (!header.contains(target)) {
        String sniffed = CsvSniffer.headerFormat(spec.format(), header);
        if (sniffed != null) {
          throw new DataException(file, "the target column '" + target + "' is not in the file: " + sniffed);
        }
        throw new DataException(file, "the target column '" + target + "' is not in the file."
            + Names.didYouMean(target, header) + " The columns are: " + String.join(", ", header) + ".");
      }
    }
    checkExist(file, header, "drop", spec.drop());
    checkExist(file, header, "features", spec.features());
    checkExist(file, header, "one_hot", spec.oneHot());
    checkExist(file, header, "label_encode", spec.labelEncode());
    checkExist(file, header, "fill_missing", new ArrayList<>(spec.fillMissing().keySet()));
    if (spec.sampleWeight() != null) {
      checkExist(file, header, "sample_weight", List.of(spec.sampleWeight()));
    }
    checkUnique(file, "features", spec.features());

    List<String> inputs = new ArrayList<>();
    if (!spec.features().isEmpty()) {
      inputs.addAll(spec.features());
    } else {
      for (String c : header) {
        if (!targets.contains(c) && !spec.drop().contains(c) && !c.equals(spec.sampleWeight())) {
          inputs.add(c);
        }
      }
    }
    if (inputs.isEmpty()) {
      throw new DataException(file, "no feature columns are left after dropping "
          + spec.drop() + " and the target" + (targets.size() == 1 ? "" : "s") + "; keep at least one column");
    }
    Map<String, String> kinds = new LinkedHashMap<>();
    for (String c : inputs) {
      kinds.put(c, NumericColumn.KIND);
    }
    assign(file, spec.oneHot(), OneHotColumn.KIND, "one_hot", inputs, kinds, targets);
    assign(file, spec.labelEncode(), LabelColumn.KIND, "label_encode", inputs, kinds, targets);
    Map<String, FillRule> fills = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : spec.fillMissing().entrySet()) {
      String c = e.getKey();
      if (targets.contains(c)) {
        throw new DataException(file, 0, 0, c, "fill_missing cannot fill the target, since a"
            + " label cannot be made up; remove the rule and fix or remove those rows");
      }
      if (!inputs.contains(c)) {
        throw new DataException(file, 0, 0, c, "fill_missing has a rule for a column that is not a"
            + " feature (it is dropped); remove the rule or keep the column");
      }
      fills.put(c, FillRule.parse(c, e.getValue()));
    }
    return new ColumnPlan(List.copyOf(inputs), kinds, fills);
  }

  private static void assign(String file, List<String> listed, String kind, String key,
      List<String> inputs, Map<String, String> kinds, List<String> targets) {
    for (String c : listed) {
      if (targets.contains(c)) {
        if (kind.equals(LabelColumn.KIND)) {
          continue; // a text target is label encoded anyway
        }
        throw new DataException(file, 0, 0, c, "the target cannot be one-hot encoded; remove it"
            + " from one_hot (text labels are encoded as class indices automatically)");
      }
      if (!inputs.contains(c)) {
        throw new DataException(file, 0, 0, c, key + " names a column that is not a feature"
            + " (it is dropped or not in features); remove it from " + key + " or keep the column");
      }
      if (!kinds.get(c).equals(NumericColumn.KIND)) {
        throw new DataException(file, 0, 0, c, "the column is in both one_hot and label_encode;"
            + " choose one");
      }
      kinds.put(c, kind);
    }
  }

  private static void checkExist(String file, List<String> header, String key, List<String> names) {
    for (String c : names) {
      if (!header.contains(c)) {
        throw new DataException(file, key + " names the column '" + c + "', which is not in the"
            + " file." + Names.didYouMean(c, header) + " The columns are: "
            + String.join(", ", header) + ".");
      }
    }
  }

  private static void checkUnique(String file, String key, List<String> names) {
    Set<String> seen = new HashSet<>();
    for (String c : names) {
      if (!seen.add(c)) {
        throw new DataException(file, 0, 0, c, key + " lists the column twice; list it once");
      }
    }
  }

  boolean categorical(String column) {
    return !kinds.get(column).equals(NumericColumn.KIND);
  }
}
