package dev.lamina.keras;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The real Keras files in ../shared/datasets/keras (read in place, never copied). */
final class RealKerasFiles {
  private RealKerasFiles() {}

  static Path dir() {
    String shared = System.getProperty("lamina.shared", "../../shared");
    Path d = Path.of(shared, "datasets", "keras");
    assumeTrue(Files.isRegularFile(d.resolve("churn_keras3.keras")), "the real Keras files are not at " + d);
    return d;
  }

  static Path archive() {
    return dir().resolve("churn_keras3.keras");
  }

  static Path legacy() {
    return dir().resolve("churn_keras3_legacy.h5");
  }

  static Path inputs() {
    return dir().resolve("churn_keras3_inputs.csv");
  }

  /** The 12 standardised features of each of the 10,000 rows. */
  static double[][] features() {
    List<String> lines = lines(inputs());
    double[][] x = new double[lines.size() - 1][];
    for (int i = 1; i < lines.size(); i++) {
      String[] f = lines.get(i).split(",");
      x[i - 1] = new double[12];
      for (int j = 0; j < 12; j++) {
        x[i - 1][j] = Double.parseDouble(f[j]);
      }
    }
    return x;
  }

  /** The reference probability of each row, in row order. */
  static double[] reference() {
    List<String> lines = lines(dir().resolve("churn_keras3_reference_probabilities.csv"));
    double[] p = new double[lines.size() - 1];
    for (int i = 1; i < lines.size(); i++) {
      p[i - 1] = Double.parseDouble(lines.get(i).split(",")[1]);
    }
    return p;
  }

  private static List<String> lines(Path p) {
    try {
      return Files.readAllLines(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
