/**
 * The task of a model (binary, multi-class, multi-label, regression), decided once by
 * {@link dev.lamina.task.Task#decide} from the loss, the output layer and the target columns, and
 * asked by every stage after the network instead of guessing.
 */
package dev.lamina.task;
