package dev.lamina.run;

import dev.lamina.model.Model;
import dev.lamina.persist.SavedModel;
import dev.lamina.report.PredictionsWriter;
import dev.lamina.spec.ActivationLayerSpec;
import dev.lamina.spec.DenseSpec;
import dev.lamina.spec.LayerSpec;
import dev.lamina.spec.ModelSpec;
import dev.lamina.spec.Names;
import dev.lamina.table.FittedPipeline;
import dev.lamina.table.PreparedMatrices;
import dev.lamina.task.OutputLayer;
import dev.lamina.task.Regression;
import dev.lamina.task.Target;
import dev.lamina.task.Task;
import java.util.List;

/**
 * What a run (or a saved model) gives {@link Task#decide}: the loss, the output layer of the spec
 * and the target column(s).
 */
public final class RunTask {
  private RunTask() {}

  /**
   * The task of a saved model, from its loss, output layer and pipeline targets. A model without a
   * pipeline (imported from Keras) has unnamed classes ({@code 0}, {@code 1}, ...) or, under a
   * regression loss, one target per output named {@code output_<j>}. A saved model's labels were
   * checked when it was trained, so a multi-label target is taken as 0/1.
   */
  public static Task of(SavedModel saved) {
    Model model = saved.model();
    int outputs = model.outputWidth();
    String loss = model.lossName() == null ? "" : model.lossName();
    if (saved.pipeline() == null) {
      if (Task.CLASSIFICATION_LOSSES.contains(loss) || loss.isEmpty()) {
        return PredictionsWriter.unnamedTask(outputs);
      }
      List<String> names = new java.util.ArrayList<>();
      for (int j = 0; j < outputs; j++) {
        names.add("output_" + j);
      }
      return new Regression(names);
    }
    return Task.decide(loss, outputLayer(model.spec(), outputs), targets(saved.pipeline(), null, null));
  }

  /** The task of {@code model} trained on {@code data}'s target columns. */
  static Task decide(Model model, PreparedMatrices data) {
    return decide(model, data.pipeline(), data.yTrain(), data.yTest());
  }

  /**
   * The task of the built {@code model} trained on the target columns that {@code pipeline}
   * encoded as {@code yTrain} and {@code yTest} (row-major, one value per target).
   *
   * @throws dev.lamina.spec.SpecException when the loss, the output layer and the targets disagree
   */
  public static Task decide(Model model, FittedPipeline pipeline, double[] yTrain, double[] yTest) {
    return Task.decide(model.lossName(), outputLayer(model.spec(), model.outputWidth()),
        targets(pipeline, yTrain, yTest));
  }

  /**
   * What {@code pipeline} knows of its targets; a numeric target is 0/1 when every value of it in
   * {@code yTrain} and {@code yTest} is (taken as 0/1 when they are null: a saved model's labels
   * were checked when it was trained).
   */
  private static List<Target> targets(FittedPipeline pipeline, double[] yTrain, double[] yTest) {
    List<String> names = pipeline.targets();
    int k = names.size();
    List<Target> out = new java.util.ArrayList<>();
    for (int j = 0; j < k; j++) {
      List<String> classes = pipeline.targetClasses(j);
      out.add(classes.isEmpty()
          ? Target.numeric(names.get(j), yTrain == null || zeroOrOne(yTrain, j, k) && zeroOrOne(yTest, j, k))
          : new Target(names.get(j), classes, classes.size() == 2));
    }
    return out;
  }

  /** The last Dense layer (its units path) and the activation the outputs leave through. */
  static OutputLayer outputLayer(ModelSpec spec, int units) {
    String path = "layers";
    String activation = null;
    List<LayerSpec> layers = spec.layers();
    for (int i = 0; i < layers.size(); i++) {
      if (layers.get(i) instanceof DenseSpec d) {
        path = "layers[" + i + "].dense.units";
        activation = d.activation() == null ? "linear" : Names.canonical(d.activation().name());
      } else if (layers.get(i) instanceof ActivationLayerSpec a) {
        activation = Names.canonical(a.activation().name());
      }
    }
    return new OutputLayer(units, activation, path);
  }

  /** Whether every value of column {@code j} of the row-major {@code y} ({@code k} per row) is 0 or 1. */
  private static boolean zeroOrOne(double[] y, int j, int k) {
    for (int i = j; i < y.length; i += k) {
      if (y[i] != 0 && y[i] != 1) {
        return false;
      }
    }
    return true;
  }
}
