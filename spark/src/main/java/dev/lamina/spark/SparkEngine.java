package dev.lamina.spark;

import dev.lamina.sweep.RunTrainer;
import dev.lamina.sweep.SweepEngine;
import dev.lamina.sweep.SweepResult;
import dev.lamina.sweep.SweepRun;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;

/**
 * Runs a sweep on a Spark cluster: one partition, hence one task, per training run. The trainer
 * (the spec and the prepared data) is broadcast once, so each executor fetches and rebuilds it once
 * whatever the number of runs; each task trains its run with the run's own derived seed. Runs are
 * deterministic, so a task that Spark re-executes after losing an executor gives the same result,
 * and the results, collected in partition order, are in plan order: the same as {@code ThreadEngine}'s.
 *
 * <p>Progress is reported when the results arrive at the driver (all at once, after the job).
 */
public final class SparkEngine implements SweepEngine {
  private final JavaSparkContext sc;

  /** An engine running on {@code sc}, which the caller owns and stops. */
  public SparkEngine(JavaSparkContext sc) {
    this.sc = sc;
  }

  @Override
  public List<SweepResult> execute(List<SweepRun> runs, RunTrainer trainer, Consumer<SweepResult> done) {
    if (runs.isEmpty()) {
      return List.of();
    }
    Broadcast<RunTrainer> shared = sc.broadcast(trainer);
    try {
      sc.setJobDescription("lamina sweep: " + runs.size() + " trainings");
      List<SweepResult> results = sc.parallelize(new ArrayList<>(runs), runs.size()).map(trainOn(shared)).collect();
      List<SweepResult> ordered = new ArrayList<>(results);
      ordered.sort((a, b) -> Integer.compare(a.run().index(), b.run().index()));
      for (SweepResult r : ordered) {
        done.accept(r);
      }
      return ordered;
    } finally {
      shared.destroy();
    }
  }

  /** The task body; static so the closure captures the broadcast handle only. */
  private static Function<SweepRun, SweepResult> trainOn(Broadcast<RunTrainer> shared) {
    return run -> shared.value().train(run);
  }
}
