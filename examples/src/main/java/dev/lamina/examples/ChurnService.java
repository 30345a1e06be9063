package dev.lamina.examples;

import dev.lamina.predict.Prediction;
import dev.lamina.predict.Predictor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A tiny service built on a trained churn model: one {@link Predictor}, loaded once and shared by
 * every request thread, turns a customer record (raw values, as the CRM has them) into a retention
 * decision. Nothing is synchronized: the predictor is thread-safe.
 *
 * <p>Run, after training the churn example: {@code java -cp builder.jar:examples/target/classes
 * dev.lamina.examples.ChurnService examples/churn/runs/churn-he-uniform}.
 */
public final class ChurnService {
  private final Predictor model;

  /**
   * A decision for one customer.
   *
   * @param churnProbability the model's probability that the customer leaves
   * @param offerRetention whether the model predicts that the customer leaves (at the model's threshold)
   */
  public record Decision(double churnProbability, boolean offerRetention) {}

  /** The service for the model in {@code run} (a run folder or a {@code model.lamina} file). */
  public ChurnService(Path run) {
    this.model = Predictor.load(run);
  }

  /** The decision for one customer record (column name to value). */
  public Decision decide(Map<String, ?> customer) {
    Prediction p = model.predict(customer);
    return new Decision(p.probability(), p.classIndex() == 1);
  }

  /** Decides for {@code customers} on {@code threads} request threads at once; results in order. */
  public List<Decision> decideConcurrently(List<? extends Map<String, ?>> customers, int threads) throws Exception {
    ExecutorService requests = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Decision>> pending = new ArrayList<>();
      for (Map<String, ?> c : customers) {
        pending.add(requests.submit(() -> decide(c)));
      }
      List<Decision> out = new ArrayList<>();
      for (Future<Decision> f : pending) {
        out.add(f.get());
      }
      return out;
    } finally {
      requests.shutdown();
    }
  }

  /** Entry point: the run folder of a trained churn model. */
  public static void main(String[] args) throws Exception {
    ChurnService service = new ChurnService(Path.of(args.length > 0 ? args[0] : "examples/churn/runs/churn-he-uniform"));
    Map<String, Object> customer = Map.of("CreditScore", 600, "Geography", "France", "Gender", "Male", "Age", 40,
        "Tenure", 3, "Balance", 60000, "NumOfProducts", 2, "HasCrCard", true, "IsActiveMember", true,
        "EstimatedSalary", 50000);
    Decision d = service.decide(customer);
    System.out.printf(Locale.ROOT, "churn probability %.4f -> %s%n", d.churnProbability(),
        d.offerRetention() ? "offer retention" : "no action");
  }
}
