package dev.lamina.onnx;

import dev.lamina.activation.Activation;
import dev.lamina.activation.Elu;
import dev.lamina.activation.LeakyRelu;
import dev.lamina.activation.Relu;
import dev.lamina.layer.ActivationLayer;
import dev.lamina.layer.BatchNormalization;
import dev.lamina.layer.Dense;
import dev.lamina.layer.Dropout;
import dev.lamina.layer.Layer;
import dev.lamina.layer.LayerNormalization;
import dev.lamina.layer.PRelu;
import dev.lamina.optim.Parameter;
import java.util.List;

/**
 * The network's layers as ONNX nodes on double tensors, each layer by its own small converter:
 * {@code Dense} is {@code MatMul} + {@code Add} and its activation; {@code Dropout} is nothing at
 * inference; {@code BatchNormalization} uses its moving statistics as Lamina does,
 * {@code (x - mean) * (1 / sqrt(var + eps)) * gamma + beta}; {@code LayerNormalization} is the same
 * over each row with {@code ReduceMean}; {@code PReLU} is {@code Where(x >= 0, x, alpha * x)}.
 * Activations: relu, sigmoid, tanh, softmax, linear, exponential, silu, elu, leaky_relu, softsign.
 * Anything else is refused with {@link UnsupportedOperationException} naming the layer.
 */
final class NetworkGraph {
  /** The activations this exporter writes. */
  static final List<String> ACTIVATIONS = List.of("relu", "sigmoid", "tanh", "softmax", "linear", "exponential",
      "silu", "elu", "leaky_relu", "softsign");

  private NetworkGraph() {}

  /** Adds the layers applied to {@code x}; returns the output value. */
  static String add(Graph g, List<Layer> layers, String x) {
    String a = x;
    for (int i = 0; i < layers.size(); i++) {
      a = layer(g, layers.get(i), i, a);
    }
    return a;
  }

  private static String layer(Graph g, Layer l, int index, String x) {
    if (l instanceof Dense d) {
      String z = g.op("MatMul", x, g.constant(d.name() + "_kernel", d.kernel().value(), d.inputWidth(), d.outputWidth()));
      if (d.bias() != null) {
        z = g.op("Add", z, g.constant(d.name() + "_bias", d.bias().value(), d.outputWidth()));
      }
      return activation(g, d.activation(), index, l, z);
    }
    if (l instanceof Dropout) {
      return x;
    }
    if (l instanceof ActivationLayer a) {
      return activation(g, a.activation(), index, l, x);
    }
    if (l instanceof BatchNormalization b) {
      int w = b.outputWidth();
      double[] inv = new double[w];
      for (int j = 0; j < w; j++) {
        inv[j] = 1.0 / Math.sqrt(b.movingVariance().value()[j] + b.epsilon());
      }
      String h = g.op("Mul", g.op("Sub", x, g.constant(b.name() + "_mean", b.movingMean().value(), w)),
          g.constant(b.name() + "_inv_std", inv, w));
      return affine(g, h, b.gamma(), b.beta(), w);
    }
    if (l instanceof LayerNormalization n) {
      int w = n.outputWidth();
      String mean = g.op("ReduceMean", List.of(Graph.intsAttr("axes", 1), Graph.intAttr("keepdims", 1)), x);
      String d = g.op("Sub", x, mean);
      String var = g.op("ReduceMean", List.of(Graph.intsAttr("axes", 1), Graph.intAttr("keepdims", 1)), g.op("Mul", d, d));
      String inv = g.op("Div", g.constant("one", new double[] {1.0}, 1),
          g.op("Sqrt", g.op("Add", var, g.constant(n.name() + "_epsilon", new double[] {n.epsilon()}, 1))));
      return affine(g, g.op("Mul", d, inv), n.gamma(), n.beta(), w);
    }
    if (l instanceof PRelu p) {
      String zero = g.constant("zero", new double[] {0.0}, 1);
      return g.op("Where", g.op("GreaterOrEqual", x, zero), x,
          g.op("Mul", g.constant(p.name() + "_alpha", p.alpha().value(), p.outputWidth()), x));
    }
    throw new UnsupportedOperationException("layer " + index + " (" + l.kerasClassName() + " '" + l.name()
        + "') cannot be exported to ONNX; the exporter writes Dense, Dropout, Activation, BatchNormalization,"
        + " LayerNormalization and PReLU layers");
  }

  private static String affine(Graph g, String h, Parameter gamma, Parameter beta, int w) {
    String y = gamma == null ? h : g.op("Mul", g.constant("gamma", gamma.value(), w), h);
    return beta == null ? y : g.op("Add", y, g.constant("beta", beta.value(), w));
  }

  private static String activation(Graph g, Activation f, int index, Layer l, String z) {
    switch (f.name()) {
      case "linear":
        return z;
      case "relu":
        if (f instanceof Relu r && (r.negativeSlope() != 0 || r.threshold() != 0 || r.maxValue() != null)) {
          break;
        }
        return g.op("Relu", z);
      case "sigmoid":
        return g.op("Sigmoid", z);
      case "tanh":
        return g.op("Tanh", z);
      case "softmax":
        return g.op("Softmax", List.of(Graph.intAttr("axis", -1)), z);
      case "exponential":
        return g.op("Exp", z);
      case "silu":
        // x / (1 + exp(-x)): ONNX Runtime fuses x * Sigmoid(x) into a kernel that has no double version
        return g.op("Div", z, g.op("Add", g.constant("one", new double[] {1.0}, 1), g.op("Exp", g.op("Neg", z))));
      case "softsign":
        return g.op("Div", z, g.op("Add", g.op("Abs", z), g.constant("one", new double[] {1.0}, 1)));
      case "elu":
        if (f instanceof Elu e) {
          String neg = g.op("Mul", g.constant("elu_alpha", new double[] {e.alpha()}, 1),
              g.op("Sub", g.op("Exp", z), g.constant("one", new double[] {1.0}, 1)));
          return g.op("Where", g.op("Greater", z, g.constant("zero", new double[] {0.0}, 1)), z, neg);
        }
        break;
      case "leaky_relu":
        if (f instanceof LeakyRelu r) {
          return g.op("Where", g.op("GreaterOrEqual", z, g.constant("zero", new double[] {0.0}, 1)), z,
              g.op("Mul", g.constant("slope", new double[] {r.negativeSlope()}, 1), z));
        }
        break;
      default:
        break;
    }
    throw new UnsupportedOperationException("layer " + index + " (" + l.kerasClassName() + " '" + l.name()
        + "'): activation '" + f.name() + "' cannot be exported to ONNX; the exporter writes " + ACTIVATIONS
        + " (relu without max_value, threshold or negative_slope)");
  }
}
