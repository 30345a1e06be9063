package dev.lamina.tune;

import dev.lamina.spec.Names;
import dev.lamina.spec.SpecException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A path into a spec, as a tune space names the settings it varies: {@code layers[0].units},
 * {@code layers[*].activation}, {@code compile.optimizer.learning_rate}, {@code fit.batch_size}.
 *
 * <p>Steps are keys and list indices; {@code [*]} is every item of a list. The path reads the
 * spec the way a person does, not the way YAML nests it: a layer's type and a component's name are
 * stepped through ({@code layers[0].units} is {@code layers[0].dense.units};
 * {@code compile.optimizer.learning_rate} is the argument of whatever optimizer is named), see
 * {@link SpecTree#set}.
 *
 * @param text the path as written
 * @param steps the keys (String) and indices (Integer; {@link #ALL} for {@code [*]})
 */
public record SpecPath(String text, List<Object> steps) implements Serializable {
  /** The index standing for {@code [*]}. */
  public static final int ALL = -1;
  /**
   * The top-level sections a path may start with. Not {@code data}: every trial must be scored on
   * the same rows, prepared the same way, or their scores do not compare; not {@code seed}: a seed
   * chosen for its score is luck, not a setting (use {@code tune.seeds} to average over seeds).
   */
  public static final List<String> SECTIONS = List.of("layers", "compile", "fit", "predict", "dtype");
  private static final Pattern STEP = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)((?:\\[(?:\\d+|\\*)\\])*)");
  private static final Pattern INDEX = Pattern.compile("\\[(\\d+|\\*)\\]");

  /** Freezes the steps. */
  public SpecPath {
    steps = List.copyOf(steps);
  }

  /**
   * Parses {@code text}; errors carry {@code where} (the path of the key in the spec).
   *
   * @throws SpecException for an empty step, a bad index, or an unknown section
   */
  public static SpecPath parse(String text, String where) {
    List<Object> steps = new ArrayList<>();
    for (String part : text.split("\\.", -1)) {
      Matcher m = STEP.matcher(part.strip());
      if (!m.matches()) {
        throw new SpecException(where, "'" + text + "' is not a spec path: write keys joined by dots with list indices in"
            + " brackets, e.g. layers[0].units, layers[*].activation or compile.optimizer.learning_rate");
      }
      steps.add(m.group(1));
      Matcher i = INDEX.matcher(m.group(2));
      while (i.find()) {
        steps.add(i.group(1).equals("*") ? ALL : Integer.parseInt(i.group(1)));
      }
    }
    String section = (String) steps.get(0);
    if (section.equals("data") || section.equals("seed")) {
      throw new SpecException(where, "'" + text + "' cannot be tuned: " + (section.equals("data")
          ? "every trial is scored on the same rows prepared the same way, or the scores would not compare"
          : "a seed picked for its score is luck; set tune.seeds to average each trial over several seeds"));
    }
    if (!SECTIONS.contains(section)) {
      throw new SpecException(where, "'" + text + "' does not start with a section of the spec." + Names.didYouMean(section,
          SECTIONS) + " Paths start with one of " + String.join(", ", SECTIONS) + ", e.g. layers[0].units");
    }
    return new SpecPath(text, steps);
  }

  @Override
  public String toString() {
    return text;
  }
}
