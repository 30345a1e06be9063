package dev.lamina.bench;

import dev.lamina.predict.Prediction;
import dev.lamina.predict.Predictor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.LongAdder;

/**
 * Rows per second through {@link Predictor} in-process: {@code threads} threads share one
 * predictor and score the rows of a CSV (as maps of typed values, numbers parsed once, as a
 * service receives them) for {@code seconds} seconds after a warm-up, in lists of {@code batch}
 * rows ({@code predictAll}; 1 = {@code predict(Map)} per row).
 *
 * <p>Run: {@code java -cp $CP dev.lamina.bench.PredictorThroughput RUN_FOLDER CSV [threads] [seconds] [batch]}.
 */
public final class PredictorThroughput {
  private PredictorThroughput() {}

  public static void main(String[] args) throws Exception {
    Predictor p = Predictor.load(Path.of(args[0]));
    List<Map<String, Object>> rows = rows(Path.of(args[1]), p);
    int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    double seconds = args.length > 3 ? Double.parseDouble(args[3]) : 10;
    int batch = args.length > 4 ? Integer.parseInt(args[4]) : 100;
    run(p, rows, threads, Math.min(3, seconds), batch); // warm-up
    double rate = run(p, rows, threads, seconds, batch);
    System.out.printf(Locale.ROOT, "%s: %d threads, lists of %d rows, %.1f s: %,.0f rows/s%n", p.name(), threads,
        batch, seconds, rate);
  }

  private static double run(Predictor p, List<Map<String, Object>> rows, int threads, double seconds, int batch)
      throws InterruptedException {
    LongAdder scored = new LongAdder();
    CountDownLatch start = new CountDownLatch(1);
    long[] deadline = {0};
    List<Thread> ts = new ArrayList<>();
    double[] sink = new double[threads];
    for (int t = 0; t < threads; t++) {
      int me = t;
      Thread th = new Thread(() -> {
        try {
          start.await();
        } catch (InterruptedException e) {
          return;
        }
        int at = me * 997 % rows.size();
        double s = 0;
        while (System.nanoTime() < deadline[0]) {
          int to = Math.min(rows.size(), at + batch);
          if (batch == 1) {
            s += p.predict(rows.get(at)).output(0);
          } else {
            for (Prediction pr : p.predictAll(rows.subList(at, to))) {
              s += pr.output(0);
            }
          }
          scored.add(to - at);
          at = to == rows.size() ? 0 : to;
        }
        sink[me] = s;
      });
      th.start();
      ts.add(th);
    }
    long t0 = System.nanoTime();
    deadline[0] = t0 + (long) (seconds * 1e9);
    start.countDown();
    for (Thread th : ts) {
      th.join();
    }
    double elapsed = (System.nanoTime() - t0) / 1e9;
    return scored.sum() / elapsed;
  }

  /** The CSV's rows as column-to-value maps, numeric columns as doubles (no quoted commas). */
  static List<Map<String, Object>> rows(Path csv, Predictor p) throws IOException {
    List<String> lines = Files.readAllLines(csv);
    String[] header = lines.get(0).split(",", -1);
    Map<String, Boolean> numeric = new HashMap<>();
    p.inputs().forEach(c -> numeric.put(c.name(), c.numeric()));
    List<Map<String, Object>> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",", -1);
      Map<String, Object> row = new HashMap<>();
      for (int c = 0; c < header.length; c++) {
        Boolean num = numeric.get(header[c]);
        if (num != null) {
          row.put(header[c], num ? (Object) Double.parseDouble(cells[c]) : cells[c]);
        }
      }
      rows.add(row);
    }
    return rows;
  }
}
