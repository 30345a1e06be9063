package dev.lamina.examples;

import dev.lamina.fluent.Lamina;
import dev.lamina.model.Model;
import dev.lamina.table.DataSpec;
import dev.lamina.table.PreparedData;
import dev.lamina.table.TablePipeline;
import dev.lamina.train.Fit;
import dev.lamina.train.History;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The article's churn model written with the fluent Java API instead of YAML: the same data
 * preparation as {@code examples/churn/model.yaml}, the same 11-6-6-1 network, the same fit.
 *
 * <p>Run: {@code java -cp builder.jar:examples/target/classes dev.lamina.examples.ChurnFluent [CSV] [EPOCHS]}.
 */
public final class ChurnFluent {
  private ChurnFluent() {}

  /** Trains and evaluates; returns the test accuracy. */
  public static double run(Path csv, int epochs) {
    DataSpec data = new DataSpec(csv.toString(), null, "Exited", List.of("RowNumber", "CustomerId", "Surname"), List.of(),
        List.of("Geography", "Gender"), true, List.of(), "standard", 0.2, false, Map.of());
    PreparedData d = TablePipeline.prepare(data, csv, null, 42);

    Model model = Lamina.sequential("churn-he-uniform")
        .dense(6, l -> l.activation("relu").kernelInitializer("he_uniform").inputDim(11))
        .dense(6, l -> l.activation("relu").kernelInitializer("he_uniform"))
        .dense(1, l -> l.activation("sigmoid").kernelInitializer("glorot_uniform"))
        .compile("adam", "binary_crossentropy", "accuracy")
        .seed(42)
        .build();
    System.out.print(model.summary());

    History history = model.fit(d.xTrain(), d.yTrain(), Fit.epochs(epochs).batchSize(10).validationSplit(0.33));
    int[] churned = model.predictClasses(d.xTest()); // probability > 0.5
    int correct = 0;
    for (int i = 0; i < churned.length; i++) {
      correct += churned[i] == (int) d.yTest()[i] ? 1 : 0;
    }
    double accuracy = correct / (double) churned.length;
    System.out.printf(Locale.ROOT, "final loss %.4f, val_loss %.4f, test accuracy %.4f%n",
        history.last("loss"), history.last("val_loss"), accuracy);
    return accuracy;
  }

  /** Entry point: optional CSV path (default data/churn.csv) and epochs (default 100). */
  public static void main(String[] args) {
    Path csv = Path.of(args.length > 0 ? args[0] : "data/churn.csv");
    int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    run(csv, epochs);
  }
}
