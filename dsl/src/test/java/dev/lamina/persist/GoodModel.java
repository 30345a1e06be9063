package dev.lamina.persist;

import dev.lamina.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A small trained model file (from {@code bad/good.yaml}) and a way to forge files that pass the checksum. */
public final class GoodModel {
  private GoodModel() {}

  /** Trains {@code bad/good.yaml} into {@code dir} and returns its {@code model.lamina}. */
  public static Path train(Path dir) {
    Path spec = Path.of("src", "test", "resources", "bad", "good.yaml").toAbsolutePath();
    int code = Main.execute(new String[] {spec.toString(), "--out", dir.toString(), "--quiet"},
        new PrintWriter(new StringWriter(), true), new PrintWriter(new StringWriter(), true));
    if (code != 0) {
      throw new IllegalStateException("training the good model failed with exit code " + code);
    }
    return dir.resolve("model.lamina");
  }

  /** The JSON body of a model file (everything before its checksum line). */
  public static String body(Path modelFile) {
    try {
      String all = Files.readString(modelFile);
      return all.substring(0, all.lastIndexOf("sha256 "));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code body} followed by its correct checksum line: a forged file the checksum cannot catch. */
  public static byte[] withChecksum(String body) {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    try {
      String hex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
      return (body + "sha256 " + hex + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
