package dev.lamina.tune;

import java.io.Serializable;

/**
 * One training task of a search: a trial's spec at one rung's budget. Carries the spec as canonical
 * YAML, so an engine can ship it to another JVM and the worker trains exactly what
 * {@code best.yaml} would.
 *
 * @param trial the trial number, from 0
 * @param rung the rung, from 0 (always 0 for grid and random search)
 * @param epochs the budget: epochs to train
 * @param specYaml the trial's spec (its settings applied), canonical YAML
 */
public record TrialRun(int trial, int rung, int epochs, String specYaml) implements Serializable {}
