/**
 * {@code builder.jar sweep}: the article's experiment as a product. A {@link dev.lamina.sweep.SweepSpec}
 * names a grid; the {@link dev.lamina.sweep.SweepPlanner} turns it into serializable
 * {@link dev.lamina.sweep.SweepRun}s with derived seeds; a {@link dev.lamina.sweep.SweepEngine}
 * (threads here, a cluster later) runs each through a {@link dev.lamina.sweep.RunTrainer}; the
 * {@link dev.lamina.sweep.SweepReport} writes {@code sweep.csv}, {@code sweep.json},
 * {@code report.md} and a self-contained {@code report.html}.
 */
package dev.lamina.sweep;
