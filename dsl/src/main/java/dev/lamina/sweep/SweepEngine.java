package dev.lamina.sweep;

import java.io.Serializable;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Where the trainings of a sweep or a search execute: threads of this JVM ({@link ThreadEngine})
 * or a cluster (the spark module's {@code SparkEngine}). Every engine returns the results in the
 * order of its tasks whatever order they finish in, so outputs do not depend on the engine or its
 * parallelism.
 */
public interface SweepEngine {
  /** A task body an engine may ship to another JVM. */
  @FunctionalInterface
  interface Task<T, R> extends Function<T, R>, Serializable {}

  /**
   * Applies {@code body} to every task.
   *
   * @param done called once per finished task (in completion order), for progress and journals;
   *     may be called from several threads, one call at a time
   * @return one result per task, in the order of {@code tasks}
   */
  <T extends Serializable, R extends Serializable> List<R> map(List<T> tasks, Task<T, R> body, Consumer<R> done);

  /** Runs every run of a sweep through {@code trainer}; one result per run, in the order of {@code runs}. */
  default List<SweepResult> execute(List<SweepRun> runs, RunTrainer trainer, Consumer<SweepResult> done) {
    return map(runs, trainer::train, done);
  }
}
