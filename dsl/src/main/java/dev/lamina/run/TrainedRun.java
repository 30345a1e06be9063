package dev.lamina.run;

import dev.lamina.runspec.PredictSpec;
import dev.lamina.table.PreparedMatrices;
import dev.lamina.train.History;

/**
 * A run after {@link Runner#train}: the model of {@link #prepared()} trained, and what
 * {@link Runner#report} needs to evaluate it and write the run folder.
 *
 * @param prepared the prepared run (its model is now trained)
 * @param history the per-epoch losses and metrics
 * @param seconds wall-clock seconds spent in fit
 * @param threshold the decision threshold of a binary model (fixed, or chosen on the validation rows);
 *     {@link PredictSpec#DEFAULT_THRESHOLD} for other tasks, where no threshold applies
 * @param data the prepared matrices, without the training features when nothing needs them any more
 */
public record TrainedRun(PreparedRun prepared, History history, double seconds, double threshold,
    PreparedMatrices data) {}
