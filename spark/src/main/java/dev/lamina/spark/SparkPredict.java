package dev.lamina.spark;

import dev.lamina.cli.DebugOption;
import dev.lamina.cli.Main;
import dev.lamina.cli.ThresholdsConverter;
import dev.lamina.model.Model;
import dev.lamina.persist.ModelFile;
import dev.lamina.persist.ModelFileException;
import dev.lamina.persist.SavedModel;
import dev.lamina.report.PredictionsWriter;
import dev.lamina.run.CsvScorer;
import dev.lamina.run.PredictSummary;
import dev.lamina.run.RunTask;
import dev.lamina.run.Tally;
import dev.lamina.spec.SpecException;
import dev.lamina.table.DataException;
import dev.lamina.table.RowSink;
import dev.lamina.task.Task;
import dev.lamina.task.Thresholds;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Batch scoring on Spark: {@code SparkPredict model.lamina input.csv --out DIR} reads the CSV in
 * partitions (Spark's text input splits), broadcasts the model file once, and has every partition
 * write its own {@code part-NNNNN.csv} in the layout of {@code builder.jar predict}
 * ({@link PredictionsWriter}: a header, then one row per input row in the layout of the model's
 * task, classes by name: {@code row,p_<positive class>,predicted_class[,true_label]} for a binary
 * model), with the same row numbers (1-based data rows of the whole file) and the same numbers.
 *
 * <p>Two passes over the input: the first counts each partition's rows so that row numbers are
 * global, the second scores. Each record must fit on one line (no quoted line breaks), and the
 * input and output folders must be visible at the same path on every node (a shared filesystem).
 * Only models with a data pipeline (trained by Lamina) are scored here.
 */
@Command(name = "SparkPredict", mixinStandardHelpOptions = true,
    description = "Score a CSV of any size across a Spark cluster: one predictions part per input partition.")
public final class SparkPredict implements Callable<Integer> {
  /** Rows predicted per batch, as {@code builder.jar predict} does. */
  public static final int CHUNK = 1024;
  /** The application name shown by the cluster manager. */
  public static final String APP_NAME = "lamina-predict";
  private static final String PART = "part-%05d.csv";

  @Parameters(index = "0", paramLabel = "MODEL", description = "the model.lamina (or its run folder)")
  Path model;

  @Parameters(index = "1", paramLabel = "CSV", description = "the rows to score, with the training columns")
  Path csv;

  @Option(names = "--out", paramLabel = "DIR", required = true, description = "folder for the part-NNNNN.csv files")
  Path out;

  @Option(names = "--threshold", paramLabel = "T", converter = ThresholdsConverter.class,
      description = "decision threshold in (0, 1) (default: the model's), for every label of a multi-label model;"
          + " or LABEL=T,... for some of its labels, the others keeping the model's")
  Thresholds threshold;

  @Option(names = "--partitions", paramLabel = "N", description = "minimum number of input partitions (default: Spark's)")
  Integer partitions;

  @Option(names = "--master", paramLabel = "URL", description = "Spark master for a local run, e.g. local[2]")
  String master;

  @Mixin
  DebugOption debug;

  /**
   * What a scoring job did.
   *
   * @param scored what was scored, as {@code builder.jar predict} summarizes it: rows, and rows per
   *     predicted class (by name) or label (without a regression's MAE, RMSE and R2, which are not
   *     summed over partitions)
   * @param parts part files written, one per input partition
   */
  public record Summary(PredictSummary scored, int parts) {
    /** Rows scored. */
    public long rows() {
      return scored.rows();
    }

    /** Rows predicted as the positive class (binary models), else 0. */
    public long positives() {
      return scored.positives();
    }

    /** What the model predicts. */
    public Task task() {
      return scored.task();
    }
  }

  /**
   * Runs the command line and exits with the command line's codes: 0 on success, 2 for the
   * arguments, 3 for the model and data files, 1 for anything else ({@code --debug} prints its trace).
   */
  public static void main(String[] args) {
    System.exit(Main.executeCommand(new SparkPredict(), args, new PrintWriter(System.out, true),
        new PrintWriter(System.err, true)));
  }

  @Override
  public Integer call() {
    try (JavaSparkContext sc = new JavaSparkContext(SparkSweep.conf(APP_NAME, master))) {
      Summary s = score(sc, model, csv, out, threshold, partitions == null ? sc.defaultMinPartitions() : partitions);
      System.out.println(String.format(Locale.ROOT, "%s; %d parts -> %s", s.scored().describe(), s.parts(), out));
      return 0;
    }
  }

  /**
   * Scores {@code csv} into {@code outDir}/part-NNNNN.csv on {@code sc}.
   *
   * @param threshold thresholds over the model's ({@link Thresholds#overriddenBy}: one for every
   *     label, or some labels' by name), or null for the model's
   * @param minPartitions the least number of input partitions (Spark may make more)
   * @throws SpecException at {@code --threshold} when the thresholds do not fit the model's task
   */
  public static Summary score(JavaSparkContext sc, Path modelFile, Path csv, Path outDir, Thresholds threshold,
      int minPartitions) {
    Path file = Files.isDirectory(modelFile) ? modelFile.resolve("model.lamina") : modelFile;
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new ModelFileException("could not read model file " + file + ": " + e.getMessage(), e);
    }
    SavedModel saved = ModelFile.read(file.toString(), bytes);
    if (saved.pipeline() == null) {
      throw new ModelFileException("model file " + file + " has no data pipeline (an imported model): score it with"
          + " `java -jar builder.jar predict --features ...`; SparkPredict reads columns through a Lamina pipeline");
    }
    Thresholds t = threshold != null ? saved.thresholds().overriddenBy(threshold) : saved.thresholds();
    Task task = RunTask.of(saved);
    try {
      t.check(task);
    } catch (SpecException e) {
      throw new SpecException("--threshold", e.detail());
    }
    String header = header(csv);
    boolean withTarget = saved.pipeline().hasTargetColumn(csv);
    prepare(outDir);

    JavaRDD<String> lines = sc.textFile(csv.toAbsolutePath().toUri().toString(), minPartitions);
    List<Long> counts = lines.mapPartitionsWithIndex(countRows(), true).collect();
    long[] offsets = new long[counts.size()];
    for (int i = 1; i < offsets.length; i++) {
      offsets[i] = offsets[i - 1] + counts.get(i - 1);
    }
    Broadcast<byte[]> shared = sc.broadcast(bytes);
    try {
      PartScorer scorer = new PartScorer(shared, header, withTarget, t, offsets, counts, outDir.toAbsolutePath().toString(),
          csv.toString());
      List<long[]> done = lines.mapPartitionsWithIndex(scorer, true).collect();
      long[] total = new long[done.get(0).length];
      for (long[] d : done) {
        for (int k = 0; k < total.length; k++) {
          total[k] += d[k];
        }
      }
      if (total[0] == 0) {
        throw new DataException(csv.toString(), "has no data rows to score");
      }
      PredictSummary scored = new PredictSummary(task, total[0], Arrays.copyOfRange(total, 1, total.length), Map.of(),
          t, 0, Map.of(), 0, 0);
      return new Summary(scored, done.size());
    } finally {
      shared.destroy();
    }
  }

  /** The first non-blank line: the header every partition but the first is missing. */
  private static String header(Path csv) {
    try (BufferedReader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.isBlank()) {
          return line;
        }
      }
    } catch (IOException e) {
      throw new DataException(csv.toString(), "cannot read the file: " + e.getMessage());
    }
    throw new DataException(csv.toString(), "the file is empty; a CSV needs a header row and at least one data row");
  }

  /** Creates the folder and removes the parts of an earlier run, which may have had more partitions. */
  private static void prepare(Path outDir) {
    try {
      Files.createDirectories(outDir);
      try (DirectoryStream<Path> old = Files.newDirectoryStream(outDir, "part-*.csv")) {
        for (Path p : old) {
          Files.delete(p);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the output folder " + outDir + ": " + e.getMessage(), e);
    }
  }

  /** Data rows per partition (non-blank lines, the header excluded), as the CSV reader counts them. */
  private static Function2<Integer, Iterator<String>, Iterator<Long>> countRows() {
    return (index, it) -> {
      long n = 0;
      boolean headerSkipped = index != 0;
      while (it.hasNext()) {
        if (!it.next().isBlank()) {
          if (headerSkipped) {
            n++;
          } else {
            headerSkipped = true;
          }
        }
      }
      return List.of(n).iterator();
    };
  }

  /** Scores one partition into its part file; returns {rows, rows per predicted class or label...}. */
  private record PartScorer(Broadcast<byte[]> model, String header, boolean withTarget, Thresholds thresholds, long[] offsets,
      List<Long> counts, String outDir, String source) implements Function2<Integer, Iterator<String>, Iterator<long[]>> {
    private static final long serialVersionUID = 1L;

    @Override
    public Iterator<long[]> call(Integer index, Iterator<String> lines) {
      SavedModel saved = ModelFile.read(source + " (model)", model.value());
      Task task = RunTask.of(saved);
      Path part = Path.of(outDir).resolve(String.format(Locale.ROOT, PART, index));
      Tally tally = new Tally(task, thresholds);
      PredictionsWriter.writeAll(part, task, withTarget, thresholds, w -> {
        if (counts.get(index) > 0) {
          score(saved, task, index, lines, w, tally);
        }
      });
      long[] perClass = tally.summary(0, 0).counts();
      long[] done = new long[1 + perClass.length];
      done[0] = tally.rows();
      System.arraycopy(perClass, 0, done, 1, perClass.length);
      return List.<long[]>of(done).iterator();
    }

    /** Streams the partition's rows through the pipeline and scores them in chunks, as {@code predict} does. */
    private void score(SavedModel saved, Task task, int index, Iterator<String> lines, PredictionsWriter w, Tally tally) {
      Model m = saved.model();
      int in = m.inputWidth();
      int t = task.targets().size();
      double[] x = new double[CHUNK * in];
      long[] rows = new long[CHUNK];
      double[] truth = new double[CHUNK * t];
      int[] fill = {0};
      long offset = offsets[index];
      RowSink sink = (row, f, target) -> {
        int k = fill[0];
        System.arraycopy(f, 0, x, k * in, in);
        rows[k] = offset + row;
        for (int j = 0; j < t; j++) {
          truth[k * t + j] = target == null ? Double.NaN : target[j];
        }
        if (++fill[0] == CHUNK) {
          CsvScorer.flush(m, x, rows, truth, CHUNK, w, tally);
          fill[0] = 0;
        }
      };
      List<String> withHeader = new ArrayList<>();
      Iterator<String> text = lines;
      if (index != 0) {
        withHeader.add(header);
        text = concat(withHeader.iterator(), lines);
      }
      saved.pipeline().transform(source + " partition " + index, new LinesInputStream(text), sink);
      CsvScorer.flush(m, x, rows, truth, fill[0], w, tally);
    }

    private static Iterator<String> concat(Iterator<String> a, Iterator<String> b) {
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return a.hasNext() || b.hasNext();
        }

        @Override
        public String next() {
          return a.hasNext() ? a.next() : b.next();
        }
      };
    }
  }
}
