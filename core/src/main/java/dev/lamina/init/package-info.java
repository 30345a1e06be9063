/**
 * Weight initializers with Keras 3's names, defaults and formulas.
 *
 * <p>{@link dev.lamina.init.VarianceScaling} does the maths of every fan-based scheme; Glorot, He,
 * LeCun and the PyTorch-style {@link dev.lamina.init.UniformFanIn} are thin named presets on it.
 * {@link dev.lamina.init.Initializers} maps names (snake_case, Keras class names, tfjs camelCase,
 * aliases) to instances and offers typed {@link dev.lamina.spec.ComponentSpec} constants.
 */
package dev.lamina.init;
