package dev.lamina.tune;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lamina.spec.SpecException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@value #NAME}: one JSON line per finished training task, appended and forced to disk as each
 * finishes, so a search killed at any moment resumes ({@code --resume}) from the tasks already
 * done. The first line holds the search's fingerprint (spec, search section and data file bytes); a
 * journal of another search is refused. A last line cut short by the kill is ignored. Trainings are
 * deterministic, so a resumed search writes the same {@code tune.csv} as one never stopped.
 */
public final class TuneJournal implements Consumer<TrialResult>, AutoCloseable {
  /** The journal's file name in the output folder. */
  public static final String NAME = "tune-journal.jsonl";
  private static final ObjectMapper JSON = new ObjectMapper();
  private final FileChannel channel;
  private final Map<String, TrialResult> done;

  private TuneJournal(FileChannel channel, Map<String, TrialResult> done) {
    this.channel = channel;
    this.done = done;
  }

  /**
   * Opens the journal in {@code dir}: a new one (any old one replaced), or with {@code resume} the
   * existing one, whose finished tasks {@link #finished} then returns.
   *
   * @throws SpecException (path {@code --resume}) when there is nothing to resume or it is another search's
   */
  public static TuneJournal open(Path dir, String fingerprint, boolean resume) {
    Path file = dir.resolve(NAME);
    Map<String, TrialResult> done = new HashMap<>();
    try {
      Files.createDirectories(dir);
      if (resume) {
        if (!Files.exists(file)) {
          throw new SpecException("--resume", "there is no " + NAME + " in " + dir + " to resume from; run without --resume"
              + " (or give the --out folder of the interrupted search)");
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !fingerprint.equals(fingerprintOf(lines.get(0)))) {
          throw new SpecException("--resume", "the journal in " + dir + " was written by a search of another spec, search "
              + "section or data file; resume with the same ones, or start again without --resume");
        }
        for (String line : lines.subList(1, lines.size())) {
          TrialResult r = parse(line);
          if (r != null) {
            done.put(key(r.trial(), r.rung()), r);
          }
        }
        // Rewrite without a torn last line, so appends start on a fresh line.
        StringBuilder sb = new StringBuilder(lines.get(0)).append('\n');
        for (TrialResult r : done.values().stream().sorted((a, b) -> a.rung() != b.rung() ? Integer.compare(a.rung(), b.rung())
            : Integer.compare(a.trial(), b.trial())).toList()) {
          sb.append(line(r)).append('\n');
        }
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
      } else {
        Files.writeString(file, JSON.writeValueAsString(Map.of("fingerprint", fingerprint)) + "\n", StandardCharsets.UTF_8);
      }
      return new TuneJournal(FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND), done);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the journal " + file + ": " + e.getMessage(), e);
    }
  }

  /** The result of {@code trial} at {@code rung} from the resumed journal, or null. */
  public TrialResult finished(int trial, int rung) {
    return done.get(key(trial, rung));
  }

  /** Appends {@code r} and forces it to disk. */
  @Override
  public synchronized void accept(TrialResult r) {
    try {
      channel.write(ByteBuffer.wrap((line(r) + "\n").getBytes(StandardCharsets.UTF_8)));
      channel.force(false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to the journal: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String key(int trial, int rung) {
    return trial + "/" + rung;
  }

  private static String fingerprintOf(String line) {
    try {
      return String.valueOf(JSON.readTree(line).path("fingerprint").asText());
    } catch (JsonProcessingException e) {
      return "";
    }
  }

  static String line(TrialResult r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("trial", r.trial());
    m.put("rung", r.rung());
    m.put("epochs", r.epochs());
    m.put("failed", r.failed());
    m.put("objective", bits(r.objective()));
    m.put("units", bits(r.units()));
    Map<String, Object> metrics = new LinkedHashMap<>();
    r.metrics().forEach((k, v) -> metrics.put(k, bits(v)));
    m.put("metrics", metrics);
    m.put("curve", bits(r.curve()));
    m.put("seconds", r.seconds());
    m.put("error", r.error());
    try {
      return JSON.writeValueAsString(m);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The result on {@code line}, or null for a line cut short. */
  static TrialResult parse(String line) {
    try {
      var n = JSON.readTree(line);
      if (n == null || !n.has("error")) {
        return null;
      }
      Map<String, Double> metrics = new LinkedHashMap<>();
      n.get("metrics").fields().forEachRemaining(e -> metrics.put(e.getKey(), fromBits(e.getValue().asLong())));
      return new TrialResult(n.get("trial").asInt(), n.get("rung").asInt(), n.get("epochs").asInt(),
          n.get("failed").asBoolean(), fromBits(n.get("objective").asLong()), fromBits(n.get("units")), metrics,
          fromBits(n.get("curve")), n.get("seconds").asDouble(), n.get("error").asText());
    } catch (JsonProcessingException | RuntimeException e) {
      return null;
    }
  }

  // Doubles are journaled as their IEEE bits: exact, and NaN survives.
  private static long bits(double v) {
    return Double.doubleToRawLongBits(v);
  }

  private static List<Long> bits(double[] v) {
    List<Long> out = new ArrayList<>();
    for (double d : v) {
      out.add(bits(d));
    }
    return out;
  }

  private static double fromBits(long b) {
    return Double.longBitsToDouble(b);
  }

  private static double[] fromBits(com.fasterxml.jackson.databind.JsonNode a) {
    double[] out = new double[a.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = fromBits(a.get(i).asLong());
    }
    return out;
  }
}
