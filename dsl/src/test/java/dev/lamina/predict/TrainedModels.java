package dev.lamina.predict;

import dev.lamina.cli.Main;
import dev.lamina.random.Rng;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Small models trained through the command line, as a user trains them: the churn example (binary),
 * any other example of examples/ (the multi-output regression and the multi-label classifier), and
 * a named three-class model on generated rows with a one-hot column and a fill rule; and the
 * rows of a CSV as maps of text, as a client sends them.
 */
public final class TrainedModels {
  /** The churn example's spec, from a module folder. */
  public static final Path CHURN_SPEC = Path.of("..", "examples", "churn", "model.yaml").toAbsolutePath().normalize();
  /** The churn data the example trains on. */
  public static final Path CHURN_CSV = Path.of("..", "data", "churn.csv").toAbsolutePath().normalize();

  /** The regression example's spec (scikit-learn's diabetes data). */
  public static final Path DIABETES_SPEC = Path.of("..", "examples", "diabetes", "model.yaml").toAbsolutePath().normalize();
  /** The diabetes data the regression example trains on (target {@code progression}). */
  public static final Path DIABETES_CSV = Path.of("..", "examples", "diabetes", "diabetes.csv").toAbsolutePath().normalize();

  private TrainedModels() {}

  /** The folder of the examples' specs, from a module folder. */
  public static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();

  /**
   * Trains the example {@code spec} ({@code linnerud/model.yaml}) for {@code epochs} epochs into
   * {@code dir}; returns the run folder.
   */
  public static Path example(Path dir, String spec, int epochs) {
    return train(EXAMPLES.resolve(spec), dir.resolve(spec.replace('/', '-')), epochs);
  }

  /** Trains the regression example for {@code epochs} epochs into {@code dir}; returns the run folder. */
  public static Path diabetes(Path dir, int epochs) {
    return train(DIABETES_SPEC, dir.resolve("diabetes"), epochs);
  }

  /** Trains the churn example for {@code epochs} epochs into {@code dir}; returns the run folder. */
  public static Path churn(Path dir, int epochs) {
    return train(CHURN_SPEC, dir.resolve("churn"), epochs);
  }

  /**
   * Trains a three-class model (classes {@code setosa}, {@code versicolor}, {@code virginica}) on
   * 300 generated rows of {@code x1} (numeric, some missing, filled with the mean), {@code x2}
   * (numeric) and {@code color} (one-hot); the CSV is {@code dir/iris.csv}. Returns the run folder.
   */
  public static Path threeClasses(Path dir) {
    try {
      Files.createDirectories(dir);
      Rng rng = new Rng(11);
      StringBuilder csv = new StringBuilder("x1,x2,color,species\n");
      String[] colors = {"red", "green", "blue"};
      String[] species = {"setosa", "versicolor", "virginica"};
      for (int i = 0; i < 300; i++) {
        double x1 = rng.nextGaussian();
        double x2 = rng.nextGaussian();
        int color = (int) Math.floor(rng.nextDouble() * 3);
        int y = x1 + 0.5 * color > 1 ? 2 : x2 > 0 ? 1 : 0;
        csv.append(i % 17 == 0 ? "" : Double.toString(x1)).append(',').append(x2).append(',').append(colors[color])
            .append(',').append(species[y]).append('\n');
      }
      Files.writeString(dir.resolve("iris.csv"), csv);
      Path spec = dir.resolve("iris.yaml");
      Files.writeString(spec, """
          name: iris-like
          seed: 5
          data: {csv: iris.csv, target: species, one_hot: [color], fill_missing: {x1: mean}, test_split: 0.2}
          layers:
            - dense: {units: 8, activation: relu}
            - dense: {units: 3, activation: softmax}
          compile: {optimizer: adam, loss: sparse_categorical_crossentropy, metrics: [accuracy]}
          fit: {epochs: 5, batch_size: 16}
          """);
      return train(spec, dir.resolve("runs"), 5);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Trains the churn example's network on its data with {@code handle_unknown: {Geography: ignore}}
   * (Gender keeps the default, error) for {@code epochs} epochs into {@code dir}; returns the run
   * folder. Geography's levels are France, Germany and Spain; France, the first, has no column.
   */
  public static Path churnIgnoringUnseenGeography(Path dir, int epochs) {
    try {
      Files.createDirectories(dir);
      Path spec = dir.resolve("churn-ignore.yaml");
      Files.writeString(spec, Files.readString(CHURN_SPEC).replace("../../data/churn.csv", CHURN_CSV.toString())
          .replace("  test_split: 0.2\n", "  test_split: 0.2\n  handle_unknown: {Geography: ignore}\n"));
      return train(spec, dir.resolve("churn-ignore"), epochs);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Trains the churn multi-label example (labels {@code Exited} and {@code IsActiveMember}) with
   * {@code predict: {threshold: {Exited: exited, IsActiveMember: active}}} for {@code epochs}
   * epochs into {@code dir}; returns the run folder.
   */
  public static Path labelsWithThresholds(Path dir, int epochs, double exited, double active) {
    try {
      Files.createDirectories(dir);
      String original = Files.readString(EXAMPLES.resolve("churn/multi-label.yaml"));
      String spec = original.replace("../../data/churn.csv", CHURN_CSV.toString())
          .replaceAll("predict:\\n  threshold: .*\\n", "predict:\n  threshold: {Exited: " + exited
              + ", IsActiveMember: " + active + "}\n");
      if (spec.equals(original.replace("../../data/churn.csv", CHURN_CSV.toString()))) {
        throw new IllegalStateException("examples/churn/multi-label.yaml has no predict.threshold line to replace");
      }
      Path file = Files.writeString(dir.resolve("labels-thresholds.yaml"), spec);
      return train(file, dir.resolve("labels-thresholds"), epochs);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path train(Path spec, Path out, int epochs) {
    StringWriter err = new StringWriter();
    int code = Main.execute(new String[] {spec.toString(), "--epochs", Integer.toString(epochs), "--quiet", "--out",
        out.toString()}, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
    if (code != 0) {
      throw new IllegalStateException("training " + spec + " failed with exit code " + code + ": " + err);
    }
    return out;
  }

  /** A copy of {@code row} with {@code column} set to {@code value}. */
  public static Map<String, Object> with(Map<String, Object> row, String column, Object value) {
    Map<String, Object> m = new LinkedHashMap<>(row);
    m.put(column, value);
    return m;
  }

  /** The first {@code limit} data rows of a simple CSV (no quoted commas) as column-to-text maps. */
  public static List<Map<String, Object>> rows(Path csv, int limit) {
    try {
      List<String> lines = Files.readAllLines(csv);
      String[] header = lines.get(0).split(",", -1);
      List<Map<String, Object>> rows = new ArrayList<>();
      for (int i = 1; i < lines.size() && rows.size() < limit; i++) {
        String[] cells = lines.get(i).split(",", -1);
        Map<String, Object> row = new LinkedHashMap<>();
        for (int c = 0; c < header.length; c++) {
          row.put(header[c], cells[c]);
        }
        rows.add(row);
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Row {@code i} (0-based) of a {@code predict} CSV as column to cell, without the {@code row}
   * and {@code true_label} columns: what a prediction's {@code fields()} must hold.
   */
  public static Map<String, String> csvRow(List<String> lines, int i) {
    String[] header = lines.get(0).split(",", -1);
    String[] cells = lines.get(i + 1).split(",", -1);
    Map<String, String> row = new LinkedHashMap<>();
    for (int c = 0; c < header.length; c++) {
      if (!header[c].equals("row") && !header[c].equals("true_label") && !isTruth(header, c)) {
        row.put(header[c], cells[c]);
      }
    }
    return row;
  }

  /** Whether column {@code c} holds a known target value (a regression's {@code <target>} after its prediction). */
  private static boolean isTruth(String[] header, int c) {
    return c > 0 && header[c - 1].equals(header[c] + "_predicted");
  }

  /**
   * Whether {@code value} (from a prediction's fields or a JSON answer) is what the CSV cell says:
   * numbers equal as doubles (the CSV holds shortest round-trip digits), the rest as text.
   */
  public static boolean sameCell(Object value, String cell) {
    if (value instanceof Double d) {
      return d.equals(Double.parseDouble(cell));
    }
    return String.valueOf(value).equals(cell);
  }

  /** The {@code predict} command's output for {@code csv}: its lines, header first. */
  public static List<String> predictCsv(Path model, Path csv, Path out) {
    StringWriter err = new StringWriter();
    int code = Main.execute(new String[] {"predict", model.toString(), csv.toString(), "--out", out.toString()},
        new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
    if (code != 0) {
      throw new IllegalStateException("predict failed with exit code " + code + ": " + err);
    }
    try {
      return Files.readAllLines(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
