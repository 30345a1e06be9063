package dev.lamina.spark;

import dev.lamina.sweep.SweepEngine;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;

/**
 * Runs the trainings of a sweep or a search on a Spark cluster: one partition, hence one task, per
 * training. The task body (the spec and the prepared data) is broadcast once, so each executor
 * fetches and rebuilds it once whatever the number of trainings; each task trains with its own
 * derived seed. Trainings are deterministic, so a task that Spark re-executes after losing an
 * executor gives the same result, and the results, collected in partition order, are in task
 * order: the same as {@code ThreadEngine}'s.
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
  public <T extends Serializable, R extends Serializable> List<R> map(List<T> tasks, Task<T, R> body, Consumer<R> done) {
    if (tasks.isEmpty()) {
      return List.of();
    }
    Broadcast<Task<T, R>> shared = sc.broadcast(body);
    try {
      sc.setJobDescription("lamina: " + tasks.size() + " trainings");
      // collect() returns the partitions in order, one task per partition: the results are in task order.
      List<R> results = new ArrayList<>(sc.parallelize(new ArrayList<>(tasks), tasks.size()).map(applyOn(shared)).collect());
      for (R r : results) {
        done.accept(r);
      }
      return results;
    } finally {
      shared.destroy();
    }
  }

  /** The task body; static so the closure captures the broadcast handle only. */
  private static <T, R> Function<T, R> applyOn(Broadcast<Task<T, R>> shared) {
    return t -> shared.value().apply(t);
  }
}
