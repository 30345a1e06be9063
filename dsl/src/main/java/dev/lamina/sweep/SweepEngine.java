package dev.lamina.sweep;

import java.util.List;
import java.util.function.Consumer;

/**
 * Where the runs of a sweep execute: threads of this JVM ({@link ThreadEngine}) or, later, a
 * cluster. Every engine returns the results in plan order whatever order they finish in, so
 * outputs do not depend on the engine or its parallelism.
 */
public interface SweepEngine {
  /**
   * Runs every run through {@code trainer}.
   *
   * @param done called once per finished run (in completion order), for progress; may be called
   *     from several threads, one call at a time
   * @return one result per run, in the order of {@code runs}
   */
  List<SweepResult> execute(List<SweepRun> runs, RunTrainer trainer, Consumer<SweepResult> done);
}
