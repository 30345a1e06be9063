package dev.lamina.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Png} writes the bytes ImageIO's PNG writer writes, and they decode to the image's pixels. */
class PngTest {
  static {
    System.setProperty("java.awt.headless", "true");
  }

  /** A chart-like picture: white, antialiased lines and text, a filled block; and random noise rows. */
  private static BufferedImage picture(int w, int h, long seed) {
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, w, h);
    g.setColor(new Color(0x1f77b4));
    g.setStroke(new BasicStroke(2f));
    Random r = new Random(seed);
    for (int i = 0; i < 40; i++) {
      g.drawLine(r.nextInt(w), r.nextInt(h), r.nextInt(w), r.nextInt(h));
    }
    g.setColor(new Color(0xff7f0e));
    g.fillRect(w / 4, h / 4, w / 3, h / 5);
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    g.drawString("model loss 0.3442", 10, 20);
    g.dispose();
    for (int x = 0; x < w; x++) {
      image.setRGB(x, h - 1, r.nextInt() & 0xffffff); // a row that no filter compresses
    }
    return image;
  }

  private static BufferedImage decode(byte[] png) throws IOException {
    return ImageIO.read(new ByteArrayInputStream(png));
  }

  private static void assertSamePixels(BufferedImage a, BufferedImage b) {
    assertThat(b.getWidth()).isEqualTo(a.getWidth());
    assertThat(b.getHeight()).isEqualTo(a.getHeight());
    for (int y = 0; y < a.getHeight(); y++) {
      for (int x = 0; x < a.getWidth(); x++) {
        if ((a.getRGB(x, y) & 0xffffff) != (b.getRGB(x, y) & 0xffffff)) {
          assertThat(Integer.toHexString(b.getRGB(x, y))).as("pixel (%d, %d)", x, y)
              .isEqualTo(Integer.toHexString(a.getRGB(x, y)));
        }
      }
    }
  }

  @ParameterizedTest(name = "{0} pixels wide")
  @ValueSource(ints = {1, 7, 800, 2400})
  void writesTheBytesOfImageIosPngWriterAndThePixelsSurvive(int width) throws IOException {
    BufferedImage image = picture(width, 600, width);
    ByteArrayOutputStream reference = new ByteArrayOutputStream();
    assertThat(ImageIO.write(image, "png", reference)).isTrue();
    byte[] ours = Png.encode(image);
    assertThat(ours).isEqualTo(reference.toByteArray());
    assertSamePixels(image, decode(ours));
  }

  @Test
  void writesRgbWithoutInterlaceInTheThreeCriticalChunksWithTheirCrcs() throws IOException {
    byte[] png = Png.encode(picture(800, 600, 1));
    ByteBuffer b = ByteBuffer.wrap(png);
    byte[] signature = new byte[8];
    b.get(signature);
    assertThat(signature).containsExactly(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
    List<String> types = new ArrayList<>();
    while (b.hasRemaining()) {
      int length = b.getInt();
      byte[] typeAndData = new byte[4 + length];
      b.get(typeAndData);
      String type = new String(typeAndData, 0, 4, java.nio.charset.StandardCharsets.US_ASCII);
      types.add(type);
      CRC32 crc = new CRC32();
      crc.update(typeAndData);
      assertThat(b.getInt()).as(type + " CRC").isEqualTo((int) crc.getValue());
      if (type.equals("IHDR")) {
        ByteBuffer h = ByteBuffer.wrap(typeAndData, 4, length);
        assertThat(h.getInt()).isEqualTo(800);
        assertThat(h.getInt()).isEqualTo(600);
        // bit depth 8, colour type 2 (RGB), compression 0, filter method 0, no interlace
        assertThat(new byte[] {h.get(), h.get(), h.get(), h.get(), h.get()}).containsExactly(8, 2, 0, 0, 0);
      }
    }
    // 800 x 600 pixels with a row of noise: more than one IDAT chunk of Png.IDAT_BYTES
    assertThat(types).startsWith("IHDR", "IDAT", "IDAT").endsWith("IDAT", "IEND").containsOnly("IHDR", "IDAT", "IEND");
  }

  @Test
  void anImageWithAlphaGoesThroughImageIoAndKeepsIt() throws IOException {
    BufferedImage image = new BufferedImage(5, 3, BufferedImage.TYPE_INT_ARGB);
    image.setRGB(2, 1, 0x80ff0000);
    BufferedImage back = decode(Png.encode(image));
    assertThat(back.getRGB(2, 1)).isEqualTo(0x80ff0000);
    assertThat(back.getRGB(0, 0)).isZero();
  }
}
