package dev.lamina.sweep;

import java.util.List;

/**
 * The runs of one cell of a sweep, summarized. Means and standard deviations (sample form, n - 1)
 * are over the runs that ended OK; diverged and failed runs are counted, never dropped silently.
 *
 * @param group the value of the grouping field (the activation), or "all"
 * @param label the cell's other values joined with ", " (the initializer)
 * @param runs all runs of the cell, in plan order
 * @param ok runs that ended OK
 * @param diverged runs whose loss became NaN or infinite
 * @param failed runs stopped by an error
 * @param metric the ranking metric of each OK run (the monitor's best value, or the best val_loss)
 * @param metricMean mean of metric
 * @param metricSd standard deviation of metric
 * @param accuracyMean mean test accuracy
 * @param accuracySd its standard deviation
 * @param bestValMean mean best val_loss
 * @param bestValSd its standard deviation
 * @param reachedTarget OK runs that reached the loss target
 * @param medianEpochsToTarget median epochs to the target over the runs that reached it, or -1
 * @param curveMean mean val_loss per epoch over OK runs still training at that epoch
 * @param curveSd its standard deviation per epoch (0 with a single run)
 */
public record CellStats(String group, String label, List<SweepResult> runs, int ok, int diverged, int failed,
    double[] metric, double metricMean, double metricSd, double accuracyMean, double accuracySd, double bestValMean,
    double bestValSd, int reachedTarget, double medianEpochsToTarget, double[] curveMean, double[] curveSd) {}
