package dev.lamina.persist;

import dev.lamina.model.Model;
import dev.lamina.runspec.RunSpec;
import dev.lamina.table.FittedPipeline;
import dev.lamina.task.Thresholds;
import java.util.Map;

/**
 * A model read back from a {@code model.lamina} file: the run spec it was trained from, the model
 * with its trained weights, the fitted data pipeline (null for a model without one, such as an
 * imported Keras model), the decision thresholds and provenance information.
 *
 * @param spec the run spec (model, data, fit and predict sections)
 * @param model the model with its weights restored
 * @param pipeline the fitted data pipeline, or null
 * @param thresholds the decision thresholds of a binary model (one) or a multi-label model (one per
 *     label, or one for all); {@link Thresholds#DEFAULT} for other tasks, where none applies
 * @param info provenance: versions, seed, data file hash, metrics
 */
public record SavedModel(RunSpec spec, Model model, FittedPipeline pipeline, Thresholds thresholds,
    Map<String, Object> info) {
  /** A model without a threshold of its own gets {@link Thresholds#DEFAULT}. */
  public SavedModel {
    thresholds = thresholds == null ? Thresholds.DEFAULT : thresholds;
  }
}
