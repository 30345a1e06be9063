package dev.lamina.run;

import dev.lamina.table.PreparedMatrices;
import dev.lamina.task.Thresholds;
import dev.lamina.train.History;

/**
 * A run after {@link Runner#train}: the model of {@link #prepared()} trained, and what
 * {@link Runner#report} needs to evaluate it and write the run folder.
 *
 * @param prepared the prepared run (its model is now trained)
 * @param history the per-epoch losses and metrics
 * @param seconds wall-clock seconds spent in fit
 * @param thresholds the decision thresholds: a binary model's one (fixed, or chosen on the
 *     validation rows), a multi-label model's per label (as the spec gives them); unused by
 *     other tasks, where no threshold applies
 * @param data the prepared matrices, without the training features when nothing needs them any more
 */
public record TrainedRun(PreparedRun prepared, History history, double seconds, Thresholds thresholds,
    PreparedMatrices data) {}
