/**
 * One descriptor per layer type ({@link dev.lamina.layertype.LayerType}), found through
 * {@link dev.lamina.layertype.LayerTypes}: its YAML and Keras names, its arguments with their
 * defaults, how it is read, written and built, and how its weights are named and stored. Every
 * front end (YAML, the fluent builder, the YAML reference, the summary, Keras import and export,
 * ONNX export) asks the registry instead of keeping its own list of layers.
 */
package dev.lamina.layertype;
