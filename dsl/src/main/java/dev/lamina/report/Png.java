package dev.lamina.report;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.SinglePixelPackedSampleModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;

/**
 * The PNG files of the plots, byte for byte those of ImageIO's PNG writer, written with less
 * work: 8-bit RGB (colour type 2), not interlaced, each row stored with filter type 0 (None; the
 * JDK's writer chooses filters for palette images only), one zlib stream at compression level
 * {@value #LEVEL} (the writer's default) cut into IDAT chunks of {@value #IDAT_BYTES} bytes, and no
 * other chunks but IHDR and IEND (PNG, ISO/IEC 15948). The writer copies every row out of the
 * raster into new arrays and then into a filter buffer, row by row; that took about a quarter of
 * the plots' processor time on a cold JVM and most of their garbage (docs/BENCHMARKS.md, "Ninth
 * session"). Here the pixels are read in place.
 *
 * <p>Images other than {@code TYPE_INT_RGB} (what XChart and the figures draw into) go through
 * ImageIO.
 */
final class Png {
  /** zlib's compression level, the default of ImageIO's PNG writer. */
  static final int LEVEL = 4;
  /** The size of every IDAT chunk but the last, as ImageIO's PNG writer cuts them. */
  static final int IDAT_BYTES = 32768;
  private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  private static final int RGB = 2;
  private static final int BIT_DEPTH = 8;

  private Png() {}

  /** The PNG bytes of {@code image}. */
  static byte[] encode(BufferedImage image) {
    if (image.getType() != BufferedImage.TYPE_INT_RGB
        || !(image.getSampleModel() instanceof SinglePixelPackedSampleModel model)
        || model.getScanlineStride() != image.getWidth() || image.getRaster().getParent() != null) {
      return viaImageIo(image);
    }
    int w = image.getWidth();
    int h = image.getHeight();
    int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    int offset = image.getRaster().getDataBuffer().getOffset();
    byte[] rows = new byte[h * (1 + 3 * w)];
    int p = 0;
    for (int y = 0; y < h; y++) {
      rows[p++] = 0; // filter type None
      for (int i = offset + y * w, end = i + w; i < end; i++) {
        int c = pixels[i];
        rows[p++] = (byte) (c >> 16);
        rows[p++] = (byte) (c >> 8);
        rows[p++] = (byte) c;
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(rows.length / 16);
    out.writeBytes(SIGNATURE);
    byte[] header = new byte[13];
    putInt(header, 0, w);
    putInt(header, 4, h);
    header[8] = BIT_DEPTH;
    header[9] = RGB; // compression, filter method and interlace: 0
    chunk(out, "IHDR", header, 0, header.length);
    Deflater deflater = new Deflater(LEVEL);
    try {
      deflater.setInput(rows);
      deflater.finish();
      byte[] z = new byte[Math.max(1024, rows.length / 8)];
      int n = 0;
      while (!deflater.finished()) {
        if (n == z.length) {
          z = java.util.Arrays.copyOf(z, 2 * z.length);
        }
        n += deflater.deflate(z, n, z.length - n);
      }
      for (int at = 0; at < n; at += IDAT_BYTES) {
        chunk(out, "IDAT", z, at, Math.min(IDAT_BYTES, n - at));
      }
    } finally {
      deflater.end();
    }
    chunk(out, "IEND", new byte[0], 0, 0);
    return out.toByteArray();
  }

  /** A chunk: length, type, {@code length} bytes of data from {@code from}, and the CRC-32 of type and data. */
  private static void chunk(ByteArrayOutputStream out, String type, byte[] data, int from, int length) {
    byte[] head = new byte[8];
    putInt(head, 0, length);
    byte[] name = type.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(name, 0, head, 4, 4);
    out.write(head, 0, 8);
    out.write(data, from, length);
    CRC32 crc = new CRC32();
    crc.update(name);
    crc.update(data, from, length);
    byte[] tail = new byte[4];
    putInt(tail, 0, (int) crc.getValue());
    out.write(tail, 0, 4);
  }

  private static void putInt(byte[] b, int at, int v) {
    b[at] = (byte) (v >>> 24);
    b[at + 1] = (byte) (v >>> 16);
    b[at + 2] = (byte) (v >>> 8);
    b[at + 3] = (byte) v;
  }

  private static byte[] viaImageIo(BufferedImage image) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      if (!ImageIO.write(image, "png", bytes)) {
        throw new IOException("no PNG writer");
      }
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode a PNG", e);
    }
  }
}
