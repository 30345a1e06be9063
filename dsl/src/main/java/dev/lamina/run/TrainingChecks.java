package dev.lamina.run;

import dev.lamina.spec.ComponentSpec;
import dev.lamina.spec.Names;
import dev.lamina.spec.SpecException;
import dev.lamina.table.DataException;
import dev.lamina.task.Task;
import dev.lamina.train.Callbacks;
import dev.lamina.train.Fit;
import java.util.ArrayList;
import java.util.List;

/**
 * Settings that would train without complaint and silently mean nothing, refused before training
 * with what happens and how to fix it (Keras only warns about some of them, in a log line that is
 * easy to miss):
 *
 * <ul>
 *   <li>a callback that monitors a value the training never logs: {@code val_*} without
 *       {@code validation_split}, or a misspelt name ({@code val_acc} for {@code val_accuracy});
 *       it would never fire;
 *   <li>{@code class_weight} naming a class the target does not have; it would be ignored;
 *   <li>a classification target with one value in every training row (nothing to learn, and ROC
 *       AUC undefined), and sample weights that are all 0 (the loss is 0).
 * </ul>
 */
public final class TrainingChecks {
  private TrainingChecks() {}

  /**
   * Checks each callback's {@code monitor} against what the training logs.
   *
   * @param metricNames the compiled metrics' names (the loss is logged as {@code loss})
   * @throws SpecException at {@code fit.callbacks[i].monitor}
   */
  public static void monitors(Fit fit, List<String> metricNames) {
    List<String> logged = new ArrayList<>();
    logged.add("loss");
    logged.addAll(metricNames);
    List<String> validation = new ArrayList<>();
    for (String k : logged) {
      validation.add("val_" + k);
    }
    for (int i = 0; i < fit.callbacks().size(); i++) {
      ComponentSpec c = fit.callbacks().get(i);
      Callbacks.create(c, "fit.callbacks[" + i + "]"); // an unknown name or argument is reported first
      boolean monitors = !c.name().equals("terminate_on_nan")
          && !(c.name().equals("model_checkpoint") && !Boolean.TRUE.equals(c.args().get("save_best_only")));
      if (!monitors) {
        continue; // TerminateOnNaN watches the loss; a checkpoint saved every epoch ignores its monitor
      }
      Object m = c.args().getOrDefault("monitor", "val_loss");
      String monitor = String.valueOf(m);
      String path = "fit.callbacks[" + i + "].monitor";
      boolean val = monitor.startsWith("val_");
      if (val && validation.contains(monitor) && fit.validationSplit() == 0) {
        throw new SpecException(path, c.name() + " monitors " + monitor + ", but fit has no validation_split, so "
            + monitor + " is never computed and the callback would never act; add validation_split: 0.2 to fit, or "
            + "monitor: " + monitor.substring(4));
      }
      if (!logged.contains(monitor) && !validation.contains(monitor)) {
        List<String> known = new ArrayList<>(logged);
        if (fit.validationSplit() > 0) {
          known.addAll(validation);
        }
        throw new SpecException(path, c.name() + " monitors '" + monitor + "', which the training never logs, so the "
            + "callback would never act." + Names.didYouMean(monitor, known) + " Logged: " + String.join(", ", known));
      }
    }
  }

  /**
   * {@code fit} with its {@code class_weight} classes, named as the target column holds them
   * ({@code {setosa: 1.0, virginica: 2.0}}, {@code {0: 1.0, 1: 3.9}}), turned into the engine's
   * class numbers for {@code task}; every training path calls this before {@code Model.fit}.
   *
   * @throws SpecException at {@code fit.class_weight.<name>} for a class the target does not have
   *     (its weight would be ignored), naming the classes it has; at {@code fit.class_weight} for
   *     a regression
   */
  public static Fit classWeights(Fit fit, Task task) {
    if (fit.classWeight() == null) {
      return fit;
    }
    if (!task.classification()) {
      throw new SpecException("fit.class_weight", "class_weight weighs the rows of each class, but this model is a "
          + task.describe() + "; remove class_weight, or weigh rows with data: {sample_weight: COLUMN}");
    }
    List<String> classes = task.classes();
    if (classes.isEmpty()) {
      // Multi-label: Keras weighs each row by the class of its largest target, numbered 0, 1, ...
      classes = new ArrayList<>();
      for (int j = 0; j < task.outputs(); j++) {
        classes.add(Integer.toString(j));
      }
    }
    return fit.classWeight(fit.classWeight().resolve(String.join(", ", task.targets()), classes));
  }

  /**
   * Checks the training targets and weights of a classifier.
   *
   * @param y the training targets (class indices, or 0/1)
   * @param weights the training rows' sample weights, or null
   * @throws DataException naming the file and column
   */
  public static void targets(String file, String target, String weightColumn, double[] y, double[] weights) {
    if (y.length > 1) {
      boolean constant = true;
      for (double v : y) {
        constant &= v == y[0];
      }
      if (constant) {
        throw new DataException(file, 0, 0, target, "every one of the " + y.length + " training rows has the same "
            + "target value, so there is nothing to learn (the model would predict a constant, and ROC AUC is "
            + "undefined); check the target column, or the split if the file is sorted by it (stratify: true)");
      }
    }
    if (weights != null && weights.length > 0) {
      boolean allZero = true;
      for (double w : weights) {
        allZero &= w == 0;
      }
      if (allZero) {
        throw new DataException(file, 0, 0, weightColumn, "every training row has sample_weight 0, so the loss is 0"
            + " and nothing is learned; give the rows to learn from a positive weight");
      }
    }
  }
}
