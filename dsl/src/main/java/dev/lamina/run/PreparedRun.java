package dev.lamina.run;

import dev.lamina.model.Model;
import dev.lamina.persist.CheckpointFile.Checkpoint;
import dev.lamina.runspec.RunSpec;
import dev.lamina.table.PreparedMatrices;
import dev.lamina.task.Task;
import dev.lamina.train.Fit;
import java.nio.file.Path;

/**
 * A run after {@link Runner#prepare}: the data read and split, the model built for it, the task
 * decided and every check that needs no training done. {@link Runner#train} takes it on.
 *
 * @param spec the run spec, with the seed actually used
 * @param task what the model is trained to do, decided once from the loss, the output layer and the target
 * @param model the built, untrained model
 * @param data the prepared matrices (training and test rows, fitted pipeline)
 * @param fit the fit section as trained: the command line's overrides applied, class_weight by class number
 * @param csv the training CSV
 * @param testCsv the separate test CSV, or null
 * @param out the run folder
 * @param options the command-line options
 * @param resume the checkpoint to resume from, or null
 */
public record PreparedRun(RunSpec spec, Task task, Model model, PreparedMatrices data, Fit fit, Path csv, Path testCsv,
    Path out, RunOptions options, Checkpoint resume) {}
