/**
 * Weight constraints, Keras's {@code keras.constraints}: projections applied to a tensor after
 * each optimizer step ({@code MaxNorm}, {@code MinMaxNorm}, {@code NonNeg}, {@code UnitNorm}),
 * found by name through {@link dev.lamina.constraint.Constraints#REGISTRY}.
 */
package dev.lamina.constraint;
