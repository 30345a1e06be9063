package dev.lamina.tune;

import java.io.Serializable;

/**
 * One tuned setting: where it is in the spec and the values it may take.
 *
 * @param path the spec path ({@code layers[0].units})
 * @param domain its values
 */
public record Parameter(SpecPath path, Domain domain) implements Serializable {
  /** The path as written, the name of the setting's column in every output. */
  public String name() {
    return path.text();
  }
}
