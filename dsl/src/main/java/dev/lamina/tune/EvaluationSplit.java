package dev.lamina.tune;

import dev.lamina.sweep.DatasetRows;
import java.io.Serializable;

/**
 * The rows one training of a trial sees: a holdout (all training rows, validation taken by
 * {@code fit.validation_split}) or one fold of a cross-validation (the fold's training rows, its
 * held-out rows as validation data, each encoded by a pipeline fitted on the fold's training rows).
 *
 * @param name "holdout" or "fold 3 of repeat 0"
 * @param train the rows trained on
 * @param validation the held-out rows, or null when {@code fit.validation_split} takes them
 * @param test the test rows (encoded by this split's pipeline), or null
 */
public record EvaluationSplit(String name, DatasetRows train, DatasetRows validation, DatasetRows test)
    implements Serializable {}
