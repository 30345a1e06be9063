package dev.lamina.tune;

import dev.lamina.runspec.RunSpec;
import java.util.Collections;
import java.util.List;

/**
 * One setting of a search, checked: its values (one per parameter, in the space's order) and the
 * spec they make.
 *
 * @param index the trial number, from 0
 * @param values one value per parameter
 * @param spec the base spec with the values applied
 * @param yaml {@code spec} as canonical YAML (what {@code best.yaml} holds and the trainer reads)
 * @param written per parameter, the YAML paths its value was written to ({@code layers[0].dense.units})
 */
public record Trial(int index, List<Object> values, RunSpec spec, String yaml, List<List<String>> written) {
  /** Freezes the values (which may hold YAML nulls). */
  public Trial {
    values = Collections.unmodifiableList(new java.util.ArrayList<>(values));
    written = List.copyOf(written);
  }
}
