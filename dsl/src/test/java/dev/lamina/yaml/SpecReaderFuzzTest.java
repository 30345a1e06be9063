package dev.lamina.yaml;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.lamina.model.Model;
import dev.lamina.spec.DenseSpec;
import dev.lamina.spec.LayerSpec;
import dev.lamina.spec.SpecException;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes the spec reader: any text either reads into a spec (which then builds into a model) or is
 * refused with a {@link SpecException} - never another exception, a hang or an out-of-memory.
 * Runs the inputs of {@code SpecReaderFuzzTestInputs/readSpec/} in every build; fuzzes for real
 * with {@code JAZZER_FUZZ=1} (see docs/RELIABILITY.md).
 */
class SpecReaderFuzzTest {
  /** Largest layer the target builds; bigger ones are a matter of memory, not of parsing. */
  private static final int MAX_BUILT_WIDTH = 1024;

  @FuzzTest(maxDuration = "5m")
  void readSpec(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    ParsedSpec parsed;
    try {
      parsed = SpecReader.read(text, "fuzz.yaml");
    } catch (SpecException expected) {
      return;
    }
    if (parsed.spec().model() == null || !small(parsed)) {
      return;
    }
    try {
      Model.of(parsed.spec().model());
    } catch (SpecException expected) {
      // a spec can be well formed yet name an impossible model
    }
  }

  private static boolean small(ParsedSpec parsed) {
    for (LayerSpec l : parsed.spec().model().layers()) {
      if (l instanceof DenseSpec d && (d.units() > MAX_BUILT_WIDTH
          || (d.inputDim() != null && d.inputDim() > MAX_BUILT_WIDTH))) {
        return false;
      }
    }
    return true;
  }
}
