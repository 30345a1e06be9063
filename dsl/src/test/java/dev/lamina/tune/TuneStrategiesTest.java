package dev.lamina.tune;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.sweep.ThreadEngine;
import dev.lamina.yaml.ParsedSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each strategy finds the known best setting of a tiny problem: on the churn data, three epochs
 * with a learning rate of 1e-5 or 1e-4 leave Adam near its initial loss, while 0.03 learns; every
 * strategy must rank 0.03 first.
 */
class TuneStrategiesTest {
  private static final String SPACE = "space:\n  compile.optimizer.learning_rate: [0.00001, 0.0001, 0.03]\n"
      + "  layers[0].units: [4, 8]";

  @TempDir
  Path dir;

  static TuneJob.Outcome search(ParsedSpec parsed, Path out, int threads) {
    return TuneJob.run(parsed, new TuneJob.Options(out, null, null, false), new ThreadEngine(threads),
        (rung, epochs, tasks) -> r -> { });
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"strategy: grid", "strategy: random\ntrials: 6", "strategy: successive_halving\ntrials: 6"
      + "\nmin_epochs: 1"})
  void everyStrategyFindsTheLearningRateThatLearns(String strategy) throws Exception {
    TuneJob.Outcome o = search(SmallTune.write(dir, strategy + "\n" + SPACE, 3), dir.resolve("out"), 2);
    assertThat(o.trials()).hasSize(6);
    assertThat(o.best().trial().values().get(0)).isEqualTo(0.03);
    assertThat(o.best().status()).isEqualTo(TrialSummary.COMPLETED);
    assertThat(o.best().last().epochs()).isEqualTo(3);
    // Every setting of the 3 x 2 grid is tried once, whichever the sampler (random draws distinct points).
    assertThat(o.trials().stream().map(Trial::values).distinct()).hasSize(6);
    assertThat(Files.readString(dir.resolve("out").resolve("best.yaml")))
        .contains("optimizer: {adam: {learning_rate: 0.03}}").contains("epochs: 3");
  }

  @Test
  void successiveHalvingPromotesTheBestThirdAndStopsTheRest() throws Exception {
    TuneJob.Outcome o = search(SmallTune.write(dir, "trials: 9\nmin_epochs: 1\n" + SPACE.replace("[4, 8]", "[2, 4, 8]"), 9),
        dir.resolve("out"), 2);
    // Budgets 1, 3, 9 epochs: 9 trials, then 3, then 1.
    assertThat(o.results().stream().map(TrialResult::epochs).toList())
        .containsExactly(1, 1, 1, 1, 1, 1, 1, 1, 1, 3, 3, 3, 9);
    assertThat(o.ranking().stream().map(TrialSummary::status).filter(TrialSummary.STOPPED_EARLY::equals)).hasSize(8);
    // The three promoted from rung 0 are the three best there, by val_loss.
    List<TrialResult> rung0 = o.results().stream().filter(r -> r.rung() == 0)
        .sorted((a, b) -> Double.compare(a.objective(), b.objective())).toList();
    assertThat(o.results().stream().filter(r -> r.rung() == 1).map(TrialResult::trial).sorted().toList())
        .isEqualTo(rung0.subList(0, 3).stream().map(TrialResult::trial).sorted().toList());
    assertThat(o.best().trial().values().get(0)).isEqualTo(0.03);
    String csv = Files.readString(dir.resolve("out").resolve("tune.csv"));
    assertThat(csv.lines().filter(l -> l.contains(",stopped early,"))).hasSize(8);
    assertThat(csv.lines().filter(l -> l.contains(",completed,"))).hasSize(1);
  }

  @Test
  void theScheduleGrowsByTheReductionFactorToTheFullBudget() {
    assertThat(new SuccessiveHalving(3, 12, 100).budgets()).containsExactly(12, 36, 100);
    assertThat(SuccessiveHalving.defaultMinEpochs(100, 3)).isEqualTo(12);
    assertThat(new SuccessiveHalving(3, 100, 100).budgets()).containsExactly(100);
    assertThat(new SuccessiveHalving(2, 1, 5).budgets()).containsExactly(1, 2, 4, 5);
    assertThat(new SuccessiveHalving(3, 1, 9).promoted(60)).isEqualTo(20);
    assertThat(new SuccessiveHalving(3, 1, 9).promoted(2)).isEqualTo(1);
  }
}
