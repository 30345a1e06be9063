package dev.lamina.cli;

import dev.lamina.spec.SpecException;
import dev.lamina.task.Thresholds;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a {@code --threshold} option: {@code 0.3} (every output) or {@code Weight=0.4,Waist=0.6}
 * (some labels of a multi-label model, by name), see {@link Thresholds#parse}; text of neither
 * form, or a value outside (0, 1), is a usage error (exit 2). Shared by {@code predict} and
 * Spark's batch scoring.
 */
public final class ThresholdsConverter implements ITypeConverter<Thresholds> {
  @Override
  public Thresholds convert(String value) {
    try {
      return Thresholds.parse(value);
    } catch (SpecException e) {
      throw new TypeConversionException(e.detail());
    }
  }
}
