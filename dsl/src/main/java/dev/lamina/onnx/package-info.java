/**
 * ONNX export: {@link dev.lamina.onnx.OnnxExport} writes a saved model as an ONNX graph of double
 * tensors, the network alone or with its fitted data pipeline in front, so that ONNX Runtime in any
 * language scores raw rows as {@code predict} does. The graph is built from ONNX's own protobuf
 * classes ({@code ai.onnx.proto.OnnxMl}, as Tribuo ships them), one small converter per pipeline
 * step ({@link dev.lamina.onnx.PipelineGraph}) and per layer ({@link dev.lamina.onnx.NetworkGraph}),
 * as skl2onnx converts a scikit-learn pipeline step by step.
 */
package dev.lamina.onnx;
