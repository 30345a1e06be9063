package dev.lamina.persist;

import dev.lamina.random.Rng;
import dev.lamina.report.AtomicFile;
import dev.lamina.train.TrainingState;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import dev.lamina.io.BoundedRead;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The training checkpoint of a run folder ({@code checkpoint.ckpt}): a {@link TrainingState} in a
 * small binary format, every double stored as its exact IEEE-754 bits so a resumed run continues
 * bit for bit. Layout (big-endian, {@link DataOutputStream}): the magic {@code LAMINA-CKPT\n}, the
 * version, the run's fingerprint (which spec and data it belongs to), the counters, the generator
 * states, the row order, the weights, the optimizer slots, the callback states and the history;
 * then the SHA-256 of all bytes before it.
 *
 * <p>Writing is atomic (a crash mid-write leaves the previous checkpoint). Reading checks the
 * checksum first, then every count against the bytes that remain, so neither a damaged nor a
 * forged file can make the reader allocate more than the file's own size.
 */
public final class CheckpointFile {
  /** The checkpoint's file name inside a run folder. */
  public static final String NAME = "checkpoint.ckpt";
  /** The format version written and read. */
  public static final int VERSION = 1;
  private static final byte[] MAGIC = "LAMINA-CKPT\n".getBytes(StandardCharsets.US_ASCII);
  private static final int DIGEST_BYTES = 32;
  private static final long MAX_FILE_BYTES = 1L << 31;

  private CheckpointFile() {}

  /**
   * A checkpoint read back: the state and the fingerprint of the run that wrote it.
   *
   * @param fingerprint identifies the spec and data of the run (see the Runner)
   * @param state the training state
   */
  public record Checkpoint(String fingerprint, TrainingState state) {}

  /** Writes {@code state} to {@code file} atomically. */
  public static void write(Path file, String fingerprint, TrainingState state) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.write(MAGIC);
      out.writeInt(VERSION);
      out.writeUTF(fingerprint);
      out.writeInt(state.epochsDone());
      out.writeLong(state.seed());
      out.writeLong(state.iterations());
      out.writeDouble(state.learningRate());
      writeRng(out, state.shuffle());
      out.writeInt(state.order().length);
      for (int i : state.order()) {
        out.writeInt(i);
      }
      writeTensors(out, state.weights());
      writeTensors(out, state.optimizerSlots());
      out.writeInt(state.dropout().size());
      for (Rng.State s : state.dropout()) {
        writeRng(out, s);
      }
      out.writeInt(state.callbacks().size());
      for (Map<String, double[]> cb : state.callbacks()) {
        out.writeInt(cb.size());
        for (Map.Entry<String, double[]> e : cb.entrySet()) {
          out.writeUTF(e.getKey());
          writeDoubles(out, e.getValue());
        }
      }
      out.writeInt(state.history().size());
      for (Map<String, Double> row : state.history()) {
        out.writeInt(row.size());
        for (Map.Entry<String, Double> e : row.entrySet()) {
          out.writeUTF(e.getKey());
          out.writeDouble(e.getValue());
        }
      }
      out.write(sha256(bytes.toByteArray(), bytes.size()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode checkpoint " + file, e);
    }
    AtomicFile.write(file, bytes.toByteArray());
  }

  /**
   * Reads and checks a checkpoint.
   *
   * @throws ModelFileException when it is missing, truncated, altered or of another version
   */
  public static Checkpoint read(Path file) {
    byte[] all;
    try {
      all = BoundedRead.readAtMost(file, MAX_FILE_BYTES);
      if (all == null) {
        throw corrupt(file, "larger than any checkpoint");
      }
    } catch (NoSuchFileException e) {
      throw new ModelFileException("checkpoint file " + file + " does not exist: the run was not started with "
          + "--checkpoint-every N, or no checkpoint was due yet");
    } catch (IOException e) {
      throw new ModelFileException("could not read checkpoint file " + file + ": " + e.getMessage(), e);
    }
    if (all.length < MAGIC.length + DIGEST_BYTES || !Arrays.equals(Arrays.copyOf(all, MAGIC.length), MAGIC)) {
      throw corrupt(file, all.length < MAGIC.length + DIGEST_BYTES ? "truncated" : "not a Lamina checkpoint");
    }
    int body = all.length - DIGEST_BYTES;
    if (!Arrays.equals(sha256(all, body), Arrays.copyOfRange(all, body, all.length))) {
      throw corrupt(file, "checksum mismatch");
    }
    Bounded in = new Bounded(new DataInputStream(new ByteArrayInputStream(all, MAGIC.length, body - MAGIC.length)));
    try {
      int version = in.data.readInt();
      if (version != VERSION) {
        throw new ModelFileException("checkpoint file " + file + " has version " + version + "; this Lamina reads version "
            + VERSION + ". Start the training again without --resume");
      }
      String fingerprint = in.data.readUTF();
      int epochs = in.data.readInt();
      long seed = in.data.readLong();
      long iterations = in.data.readLong();
      double lr = in.data.readDouble();
      Rng.State shuffle = readRng(in.data);
      int[] order = new int[in.count(Integer.BYTES)];
      for (int i = 0; i < order.length; i++) {
        order[i] = in.data.readInt();
      }
      double[][] weights = readTensors(in);
      double[][] slots = readTensors(in);
      List<Rng.State> dropout = new ArrayList<>();
      for (int i = in.count(17); i > 0; i--) {
        dropout.add(readRng(in.data));
      }
      List<Map<String, double[]>> callbacks = new ArrayList<>();
      for (int i = in.count(Integer.BYTES); i > 0; i--) {
        Map<String, double[]> cb = new LinkedHashMap<>();
        for (int k = in.count(6); k > 0; k--) {
          cb.put(in.data.readUTF(), readDoubles(in));
        }
        callbacks.add(cb);
      }
      List<Map<String, Double>> history = new ArrayList<>();
      for (int i = in.count(Integer.BYTES); i > 0; i--) {
        Map<String, Double> row = new LinkedHashMap<>();
        for (int k = in.count(10); k > 0; k--) {
          row.put(in.data.readUTF(), in.data.readDouble());
        }
        history.add(row);
      }
      return new Checkpoint(fingerprint, new TrainingState(epochs, seed, weights, slots, iterations, lr, shuffle, order,
          dropout, callbacks, history));
    } catch (IOException | IllegalArgumentException e) {
      throw corrupt(file, "inconsistent contents: " + e.getMessage());
    }
  }

  private static void writeRng(DataOutputStream out, Rng.State s) throws IOException {
    out.writeLong(s.state());
    out.writeDouble(s.spareGaussian());
    out.writeBoolean(s.hasSpare());
  }

  private static Rng.State readRng(DataInputStream in) throws IOException {
    return new Rng.State(in.readLong(), in.readDouble(), in.readBoolean());
  }

  private static void writeTensors(DataOutputStream out, double[][] tensors) throws IOException {
    out.writeInt(tensors.length);
    for (double[] t : tensors) {
      writeDoubles(out, t);
    }
  }

  private static void writeDoubles(DataOutputStream out, double[] v) throws IOException {
    out.writeInt(v.length);
    for (double d : v) {
      out.writeDouble(d);
    }
  }

  private static double[][] readTensors(Bounded in) throws IOException {
    double[][] t = new double[in.count(Integer.BYTES)][];
    for (int i = 0; i < t.length; i++) {
      t[i] = readDoubles(in);
    }
    return t;
  }

  private static double[] readDoubles(Bounded in) throws IOException {
    double[] v = new double[in.count(Double.BYTES)];
    for (int i = 0; i < v.length; i++) {
      v[i] = in.data.readDouble();
    }
    return v;
  }

  /** A stream that refuses any count whose elements could not fit in the bytes left. */
  private static final class Bounded {
    private final DataInputStream data;

    Bounded(DataInputStream data) {
      this.data = data;
    }

    int count(int minBytesEach) throws IOException {
      int n = data.readInt();
      if (n < 0 || (long) n * minBytesEach > data.available()) {
        throw new IOException("a count of " + n + " does not fit in the " + data.available() + " bytes left");
      }
      return n;
    }
  }

  private static ModelFileException corrupt(Path file, String why) {
    return new ModelFileException("checkpoint file " + file + " is corrupt (" + why + ")");
  }

  private static byte[] sha256(byte[] data, int length) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(data, 0, length);
      return md.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
