package dev.lamina.persist;

import dev.lamina.model.Model;
import dev.lamina.runspec.RunSpec;
import dev.lamina.table.FittedPipeline;
import java.util.Map;

/**
 * A model read back from a {@code model.lamina} file: the run spec it was trained from, the model
 * with its trained weights, the fitted data pipeline (null for a model without one, such as an
 * imported Keras model), the decision threshold and provenance information.
 *
 * @param spec the run spec (model, data, fit and predict sections)
 * @param model the model with its weights restored
 * @param pipeline the fitted data pipeline, or null
 * @param threshold the decision threshold for class predictions
 * @param info provenance: versions, seed, data file hash, metrics
 */
public record SavedModel(RunSpec spec, Model model, FittedPipeline pipeline, double threshold, Map<String, Object> info) {}
