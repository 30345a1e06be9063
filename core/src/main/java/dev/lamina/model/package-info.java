/**
 * From spec to a trained model: {@link dev.lamina.model.NetworkBuilder} builds layers from a
 * {@link dev.lamina.spec.ModelSpec}; {@link dev.lamina.model.Model} compiles, fits, evaluates,
 * predicts and summarizes.
 */
package dev.lamina.model;
