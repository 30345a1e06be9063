package dev.lamina.bench;

import dev.lamina.random.Rng;
import dev.lamina.train.Dataset;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The wide workload's synthetic data: standard-normal features and a binary label from a fixed
 * linear score plus noise, so the network has something to learn. Seeded, so every run and every
 * framework sees the same rows (exported as little-endian float64 files for the PyTorch side).
 */
final class WideData {
  private WideData() {}

  static Dataset generate(int rows, int cols, long seed) {
    Rng rng = new Rng(seed);
    double[] x = new double[rows * cols];
    double[] y = new double[rows];
    for (int r = 0; r < rows; r++) {
      double s = 0;
      for (int c = 0; c < cols; c++) {
        double v = rng.nextGaussian();
        x[r * cols + c] = v;
        s += (c % 2 == 0 ? 1 : -0.5) * v;
      }
      y[r] = s + 0.3 * rng.nextGaussian() > 0 ? 1 : 0;
    }
    return new Dataset(x, rows, cols, y, 1, null);
  }

  static void export(Dataset d, Path xFile, Path yFile) {
    write(xFile, d.x());
    write(yFile, d.y());
  }

  private static void write(Path file, double[] values) {
    ByteBuffer buf = ByteBuffer.allocate(values.length * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    buf.asDoubleBuffer().put(values);
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
