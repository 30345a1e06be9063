package dev.lamina.report;

import java.awt.GraphicsEnvironment;
import java.util.List;
import java.util.Map;

/** Renders one plot in a fresh JVM, for {@link PlotsTest}; prints whether AWT ran headless. */
final class HeadlessPlotMain {
  private HeadlessPlotMain() {}

  public static void main(String[] args) {
    byte[] png = Plots.render(Map.of("loss", List.of(0.7, 0.6, 0.5)), "loss");
    System.out.println("headless=" + GraphicsEnvironment.isHeadless() + " bytes=" + png.length);
  }
}
