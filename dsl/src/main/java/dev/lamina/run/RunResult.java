package dev.lamina.run;

import dev.lamina.model.Model;
import dev.lamina.train.History;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a run produced: the trained model, its history, the test metrics (as written to
 * {@code metrics.json}) and the folder holding the files.
 *
 * @param model the trained model (null when {@code cross_validation: {refit: false}} trains only the folds)
 * @param history per-epoch losses and metrics (null then too)
 * @param metrics test metrics and run facts
 * @param outDir the run folder
 */
public record RunResult(Model model, History history, Map<String, Object> metrics, Path outDir) {}
