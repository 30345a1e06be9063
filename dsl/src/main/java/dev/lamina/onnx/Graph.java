package dev.lamina.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A graph under construction: typed helpers over ONNX's protobuf builders (in the manner of Tribuo's
 * {@code ONNXContext}) that name every node and value uniquely, so converters just chain calls.
 */
final class Graph {
  /** The ONNX-ML operator domain ({@code LabelEncoder}). */
  static final String ML = "ai.onnx.ml";
  /** The name of the batch dimension. */
  static final String BATCH = "N";

  private final GraphProto.Builder graph = GraphProto.newBuilder();
  private int counter;

  Graph(String name) {
    graph.setName(name);
  }

  GraphProto build() {
    return graph.build();
  }

  /** A fresh value name starting with {@code prefix}. */
  String fresh(String prefix) {
    return prefix + "_" + counter++;
  }

  /** Declares a graph input of {@code elemType}, shape [N, width]. */
  void input(String name, TensorProto.DataType elemType, int width) {
    graph.addInput(valueInfo(name, elemType, width));
  }

  /** Declares a graph output of {@code elemType}, shape [N, width]. */
  void output(String name, TensorProto.DataType elemType, int width) {
    graph.addOutput(valueInfo(name, elemType, width));
  }

  private static ValueInfoProto valueInfo(String name, TensorProto.DataType elemType, int width) {
    TensorShapeProto shape = TensorShapeProto.newBuilder()
        .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam(BATCH))
        .addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(width))
        .build();
    return ValueInfoProto.newBuilder().setName(name)
        .setType(TypeProto.newBuilder().setTensorType(TypeProto.Tensor.newBuilder()
            .setElemType(elemType.getNumber()).setShape(shape)))
        .build();
  }

  /** A double constant of shape {@code dims} (row-major values). */
  String constant(String prefix, double[] values, long... dims) {
    TensorProto.Builder t = initializer(prefix, TensorProto.DataType.DOUBLE, dims);
    for (double v : values) {
      t.addDoubleData(v);
    }
    return t.getName();
  }

  /** An int64 constant of shape {@code dims}. */
  String constantLongs(String prefix, long[] values, long... dims) {
    TensorProto.Builder t = initializer(prefix, TensorProto.DataType.INT64, dims);
    for (long v : values) {
      t.addInt64Data(v);
    }
    return t.getName();
  }

  /** A new initializer of the graph, named from {@code prefix}, of {@code type} and shape {@code dims}, to fill. */
  private TensorProto.Builder initializer(String prefix, TensorProto.DataType type, long... dims) {
    TensorProto.Builder t = graph.addInitializerBuilder().setName(fresh(prefix)).setDataType(type.getNumber());
    for (long d : dims) {
      t.addDims(d);
    }
    return t;
  }

  /** A node of the default domain with one output; returns the output's name. */
  String op(String type, List<AttributeProto> attributes, String... inputs) {
    return node("", type, attributes, inputs);
  }

  /** {@link #op} without attributes. */
  String op(String type, String... inputs) {
    return node("", type, List.of(), inputs);
  }

  /** A node of {@code domain} with one output; returns the output's name. */
  String node(String domain, String type, List<AttributeProto> attributes, String... inputs) {
    String out = fresh(type.toLowerCase(java.util.Locale.ROOT));
    NodeProto.Builder n = NodeProto.newBuilder().setOpType(type).setName(fresh("node_" + type)).setDomain(domain)
        .addOutput(out);
    for (String in : inputs) {
      n.addInput(in);
    }
    n.addAllAttribute(attributes);
    graph.addNode(n);
    return out;
  }

  /** Renames {@code value} to {@code name} (an Identity node), for the graph's named outputs. */
  void rename(String value, String name) {
    graph.addNode(NodeProto.newBuilder().setOpType("Identity").setName(fresh("node_Identity")).addInput(value)
        .addOutput(name));
  }

  static AttributeProto intAttr(String name, long value) {
    return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value).build();
  }

  static AttributeProto floatAttr(String name, float value) {
    return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.FLOAT).setF(value).build();
  }

  static AttributeProto intsAttr(String name, long... values) {
    AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
    for (long v : values) {
      a.addInts(v);
    }
    return a.build();
  }

  static AttributeProto stringsAttr(String name, List<String> values) {
    AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.STRINGS);
    for (String v : values) {
      a.addStrings(ByteString.copyFrom(v, StandardCharsets.UTF_8));
    }
    return a.build();
  }
}
