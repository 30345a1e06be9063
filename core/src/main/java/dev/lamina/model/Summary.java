package dev.lamina.model;

import dev.lamina.init.AutoChoice;
import dev.lamina.init.Fans;
import dev.lamina.layer.Dense;
import dev.lamina.layer.Layer;
import dev.lamina.layer.NativeGemm;
import dev.lamina.layertype.LayerTypes;
import dev.lamina.optim.Parameter;
import dev.lamina.spec.DType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders Keras 2's plain-text {@code model.summary()} (Layer (type), Output Shape, Param #, the
 * totals with their size) with four more columns that explain the initialization: each layer's
 * activation, fan_in, fan_out, kernel initializer and the standard deviation it targets. Sizes
 * count 8 bytes per float64 parameter and 4 per float32 one (Keras's float32 counts 4). A float32
 * model says which layers run in single precision.
 */
final class Summary {
  private static final String[] HEADER = {"Layer (type)", "Output Shape", "Param #", "Activation", "fan_in", "fan_out",
      "Kernel initializer", "Target std"};

  private Summary() {}

  static String render(Model model) {
    List<String[]> rows = new ArrayList<>();
    long total = 0;
    long frozen = 0;
    long totalBytes = 0;
    long frozenBytes = 0;
    for (int li = 0; li < model.layers().size(); li++) {
      Layer l = model.layers().get(li);
      String described = LayerTypes.summary(model.spec().layers().get(li));
      long params = 0;
      for (var p : l.parameters()) {
        params += p.size();
        totalBytes += bytesOf(p);
      }
      long state = 0;
      for (var p : l.state()) {
        state += p.size();
        frozenBytes += bytesOf(p);
      }
      total += params;
      frozen += state;
      params += state;
      String act = "";
      String fanIn = "";
      String fanOut = "";
      String init = "";
      String std = "";
      if (l instanceof Dense d) {
        Fans f = d.fans();
        act = described.isEmpty() ? d.activation().name() : d.activation().name() + "; " + described;
        fanIn = Integer.toString(d.inputWidth());
        fanOut = Integer.toString(d.outputWidth());
        init = d.kernelInitializer() instanceof AutoChoice
            ? d.kernelInitializer().name() + " (auto)" : d.kernelInitializer().name();
        double s = d.kernelInitializer().targetStd(f);
        std = Double.isNaN(s) ? "-" : String.format(Locale.ROOT, "%.4f", s);
      } else {
        act = described;
      }
      rows.add(new String[] {l.name() + " (" + l.kerasClassName() + ")", "(None, " + l.outputWidth() + ")",
          String.format(Locale.ROOT, "%,d", params), act, fanIn, fanOut, init, std});
    }
    int[] w = new int[HEADER.length];
    for (int i = 0; i < HEADER.length; i++) {
      w[i] = HEADER[i].length();
      for (String[] r : rows) {
        w[i] = Math.max(w[i], r[i].length());
      }
    }
    StringBuilder sb = new StringBuilder();
    sb.append("Model: \"").append(model.spec().name()).append("\"\n");
    String header = line(HEADER, w);
    sb.append("_".repeat(header.length())).append('\n');
    sb.append(header).append('\n');
    sb.append("=".repeat(header.length())).append('\n');
    for (int i = 0; i < rows.size(); i++) {
      sb.append(line(rows.get(i), w)).append('\n');
    }
    sb.append("=".repeat(header.length())).append('\n');
    sb.append("Total params: ").append(count(total + frozen, totalBytes + frozenBytes)).append('\n');
    sb.append("Trainable params: ").append(count(total, totalBytes)).append('\n');
    sb.append("Non-trainable params: ").append(count(frozen, frozenBytes)).append('\n');
    sb.append("Seed: ").append(model.seed()).append('\n');
    sb.append("Dtype: ").append(model.spec().dtype().kerasName());
    List<String> onBlas = nativeLayers(model);
    if (model.spec().dtype() != DType.DEFAULT) {
      sb.append(" (").append(singlePrecisionLayers(model, onBlas)).append("; other layers, the loss and metrics in float64)");
    } else if (!onBlas.isEmpty()) {
      // Where the machine's rule puts float64 products on OpenBLAS: their sums run in its order.
      sb.append(" (products of ").append(String.join(", ", onBlas)).append(" on ").append(openBlas()).append(")");
    }
    sb.append('\n');
    sb.append("_".repeat(header.length())).append('\n');
    return sb.toString();
  }

  private static String line(String[] cells, int[] w) {
    StringBuilder sb = new StringBuilder(" ");
    for (int i = 0; i < cells.length; i++) {
      boolean right = i == 2 || i == 4 || i == 5 || i == 7;
      String c = cells[i];
      String pad = " ".repeat(w[i] - c.length());
      sb.append(right ? pad + c : c + pad);
      if (i < cells.length - 1) {
        sb.append("   ");
      }
    }
    return sb.toString().stripTrailing();
  }

  /**
   * Which layers hold weights and optimizer state and compute their activations and products in
   * float32, and which layers run their products on OpenBLAS ({@code onBlas}).
   */
  private static String singlePrecisionLayers(Model model, List<String> onBlas) {
    List<String> names = new ArrayList<>();
    for (Layer l : model.layers()) {
      if (!l.parameters().isEmpty() && l.parameters().get(0).singlePrecision()) {
        names.add(l.name());
      }
    }
    return names.isEmpty() ? "no Dense layer of 16+ inputs or units with an element-wise activation, so none runs"
        + " in float32" : String.join(", ", names) + ": weights, optimizer state, activations and products in float32"
            + (onBlas.isEmpty() ? "" : ", products of " + String.join(", ", onBlas) + " on " + openBlas());
  }

  /** "OpenBLAS (installed)" or "OpenBLAS (bundled)": which library the layers' products run on. */
  private static String openBlas() {
    return "OpenBLAS (" + NativeGemm.source() + ")";
  }

  /** The Dense layers whose products run on OpenBLAS. */
  private static List<String> nativeLayers(Model model) {
    List<String> names = new ArrayList<>();
    for (Layer l : model.layers()) {
      if (l instanceof Dense d && d.nativeProducts()) {
        names.add(l.name());
      }
    }
    return names;
  }

  private static long bytesOf(Parameter p) {
    return (long) p.size() * (p.singlePrecision() ? Float.BYTES : Double.BYTES);
  }

  private static String count(long n, long bytes) {
    return String.format(Locale.ROOT, "%,d (%s)", n, bytes(bytes));
  }

  private static String bytes(double b) {
    String[] units = {"B", "KB", "MB", "GB", "TB"};
    int u = 0;
    while (b >= 1024 && u < units.length - 1) {
      b /= 1024;
      u++;
    }
    return String.format(Locale.ROOT, "%.2f %s", b, units[u]);
  }
}
