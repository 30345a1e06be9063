package dev.lamina.sweep;

import java.io.Serializable;
import java.util.List;

/**
 * One training of a sweep: a cell (one value per axis) and a repeat. Serializable and independent
 * of the engine, so a cluster engine can ship it to a worker.
 *
 * @param index position in the plan (and in every output), from 0
 * @param cell which cell, from 0, in plan order
 * @param values one value per axis, in the axes' order
 * @param repeat which repeat of the cell, from 0
 * @param seed the model seed of this run (weights, shuffling, dropout)
 */
public record SweepRun(int index, int cell, List<String> values, int repeat, long seed) implements Serializable {
  /** Freezes the values. */
  public SweepRun {
    values = List.copyOf(values);
  }
}
