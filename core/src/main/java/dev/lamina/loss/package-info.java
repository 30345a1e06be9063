/**
 * Losses with Keras 3's names, defaults and formulas, reduced as Keras's default
 * {@code sum_over_batch_size}, each writing its gradient next to its value.
 * {@link dev.lamina.loss.Losses#REGISTRY} maps names and aliases to them;
 * {@link dev.lamina.loss.FusedLogitsLoss} lets the engine fuse a sigmoid or softmax output layer
 * with its cross-entropy, as Keras's TensorFlow backend does.
 */
package dev.lamina.loss;
