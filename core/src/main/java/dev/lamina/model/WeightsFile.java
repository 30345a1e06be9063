package dev.lamina.model;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The engine's own weights file: every tensor's name, shape and values (the trainable ones, then
 * the non-trainable state such as BatchNormalization's moving statistics) (IEEE doubles, big-endian),
 * followed by a CRC-32 of everything before it. Written atomically: a temporary file in the same
 * folder, flushed to disk, then renamed over the target, so a crash never leaves half a file.
 */
public final class WeightsFile {
  private static final int MAGIC = 0x4C4D4E57; // "LMNW"
  private static final int VERSION = 1;

  private WeightsFile() {}

  /** Writes the model's weights to {@code path}. */
  public static void write(Model model, Path path) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeInt(MAGIC);
      out.writeInt(VERSION);
      List<dev.lamina.optim.Parameter> ps = model.tensors();
      out.writeInt(ps.size());
      for (dev.lamina.optim.Parameter p : ps) {
        byte[] name = p.name().getBytes(StandardCharsets.UTF_8);
        out.writeInt(name.length);
        out.write(name);
        int[] shape = p.shape();
        out.writeInt(shape.length);
        for (int d : shape) {
          out.writeInt(d);
        }
        for (double v : p.value()) {
          out.writeDouble(v);
        }
      }
      out.flush();
      CRC32 crc = new CRC32();
      crc.update(bytes.toByteArray());
      out.writeLong(crc.getValue());
      writeAtomically(path, bytes.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + path + ": " + e.getMessage(), e);
    }
  }

  /** Reads weights written by {@link #write} into the model, checking names, shapes and checksum. */
  public static void read(Model model, Path path) {
    try {
      byte[] all = Files.readAllBytes(path);
      if (all.length < 20) {
        throw new IllegalArgumentException("weights file " + path + " is corrupt (too short)");
      }
      CRC32 crc = new CRC32();
      crc.update(all, 0, all.length - 8);
      ByteBuffer buf = ByteBuffer.wrap(all);
      if (buf.getLong(all.length - 8) != crc.getValue()) {
        throw new IllegalArgumentException("weights file " + path + " is corrupt (checksum mismatch)");
      }
      if (buf.getInt() != MAGIC || buf.getInt() != VERSION) {
        throw new IllegalArgumentException("weights file " + path + " is not a Lamina weights file of version " + VERSION);
      }
      List<dev.lamina.optim.Parameter> ps = model.tensors();
      int count = buf.getInt();
      if (count != ps.size()) {
        throw new IllegalArgumentException("weights file " + path + " has " + count + " tensors, the model has " + ps.size());
      }
      for (dev.lamina.optim.Parameter p : ps) {
        int len = buf.getInt();
        if (len < 0 || len > buf.remaining()) {
          throw new IllegalArgumentException("weights file " + path + " is corrupt (bad name length)");
        }
        byte[] name = new byte[len];
        buf.get(name);
        int rank = buf.getInt();
        int[] shape = p.shape();
        if (rank != shape.length) {
          throw new IllegalArgumentException("tensor " + p.name() + ": rank " + rank + " in file, " + shape.length + " in model");
        }
        for (int d : shape) {
          if (buf.getInt() != d) {
            throw new IllegalArgumentException("tensor " + p.name() + ": shape differs between file and model");
          }
        }
        double[] v = p.value();
        for (int i = 0; i < v.length; i++) {
          v[i] = buf.getDouble();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + path + ": " + e.getMessage(), e);
    } catch (java.nio.BufferUnderflowException e) {
      throw new IllegalArgumentException("weights file " + path + " is corrupt (truncated)");
    }
  }

  /**
   * Writes {@code data} to {@code target} atomically: a temporary file in the same folder, forced
   * to disk, then moved over the target.
   */
  public static void writeAtomically(Path target, byte[] data) throws IOException {
    Path abs = target.toAbsolutePath();
    Path dir = abs.getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "." + abs.getFileName(), ".tmp");
    try {
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        ByteBuffer b = ByteBuffer.wrap(data);
        while (b.hasRemaining()) {
          ch.write(b);
        }
        ch.force(true);
      }
      Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
