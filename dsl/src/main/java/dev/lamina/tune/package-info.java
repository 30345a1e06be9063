/**
 * {@code builder.jar tune}: hyperparameter search over any setting of a spec. A
 * {@link dev.lamina.tune.TuneSpec} ({@code tune:} section) names a {@link dev.lamina.tune.SearchSpace}
 * of {@link dev.lamina.tune.SpecPath}s; the {@link dev.lamina.tune.Sampler} decides what to try
 * (grid or random), apart from the {@link dev.lamina.tune.SuccessiveHalving} scheduler that decides
 * how long each trial trains (Optuna's sampler/pruner split); {@link dev.lamina.tune.TrialSpecs}
 * checks every trial's spec before any training; the {@link dev.lamina.tune.TuneJob} (the oracle)
 * runs rungs of {@link dev.lamina.tune.TrialRun}s through a {@link dev.lamina.tune.TrialTrainer}
 * (the tuner) on the sweep's engines, journals each result ({@link dev.lamina.tune.TuneJournal},
 * for {@code --resume}), and the {@link dev.lamina.tune.TuneReport} writes {@code tune.csv},
 * {@code tune.json}, {@code best.yaml}, {@code report.md} and {@code report.html}.
 */
package dev.lamina.tune;
