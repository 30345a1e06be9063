package dev.lamina.sweep;

import java.io.Serializable;
import java.util.List;

/**
 * One swept field and its values, as written in the {@code sweep:} section.
 *
 * @param field the spec field ({@code kernel_initializer}, {@code activation}, ...)
 * @param values the values tried, in the order given
 */
public record SweepAxis(String field, List<String> values) implements Serializable {
  /** Freezes the values. */
  public SweepAxis {
    values = List.copyOf(values);
  }
}
