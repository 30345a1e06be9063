package dev.lamina.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.lamina.spec.SpecException;
import dev.lamina.yaml.ParsedSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;
import org.apache.commons.math3.stat.inference.TTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report of a small real sweep, and the statistics of hand-made results with a diverged run. */
class SweepReportTest {
  @TempDir
  static Path dir;
  static String md;
  static String html;
  static List<String> csv;

  @BeforeAll
  static void runASmallSweep() throws Exception {
    ParsedSpec spec = SmallSweep.write(dir, "kernel_initializer: [random_uniform, glorot_uniform, he_uniform]\n"
        + "activation: [relu, sigmoid]\nseeds: 3", 2);
    SweepJob.run(spec, new SweepJob.Options(dir.resolve("out"), null, null, null), new ThreadEngine(2), n -> r -> { });
    md = Files.readString(dir.resolve("out/report.md"));
    html = Files.readString(dir.resolve("out/report.html"));
    csv = Files.readAllLines(dir.resolve("out/sweep.csv"));
  }

  @Test
  void theCsvHasOneRowPerRunWithEverySweptFieldAndResult() {
    assertThat(csv).hasSize(1 + 18);
    assertThat(csv.get(0)).isEqualTo("run,kernel_initializer,activation,repeat,seed,status,best_val_loss,final_val_loss,"
        + "test_loss,test_accuracy,epochs_run,epochs_to_target,seconds,error");
    assertThat(csv.get(1)).startsWith("0,random_uniform,relu,0,");
    assertThat(csv.subList(1, csv.size())).allMatch(l -> l.contains(",ok,"));
  }

  @Test
  void theMarkdownHasATablePerActivationWithEveryInitializer() {
    assertThat(md).contains("## activation: relu").contains("## activation: sigmoid");
    assertThat(md.split("\\|random_uniform\\|3 / 3\\|", -1)).hasSize(3);
    assertThat(md).contains("|glorot_uniform|3 / 3|").contains("|he_uniform|3 / 3|");
    assertThat(md).containsPattern("\\|\\d\\.\\d{4} \\+- \\d\\.\\d{4}\\|");
  }

  @Test
  void eachGroupNamesAWinnerWithBothPValues() {
    Matcher m = Pattern.compile("Winner: (\\S+) \\(best_val_loss .*?Welch's t-test p = ([0-9.e-]+|n/a), Mann-Whitney U p = ([0-9.e-]+)")
        .matcher(md);
    int found = 0;
    while (m.find()) {
      found++;
    }
    assertThat(found).isEqualTo(2);
  }

  @Test
  void theHtmlIsSelfContainedWithAChartPerActivation() {
    assertThat(html).startsWith("<!DOCTYPE html>");
    assertThat(html.split("<svg ", -1)).hasSize(1 + 2);
    assertThat(html).contains("<polygon").contains("<polyline").doesNotContain("<script")
        .doesNotContain("src=").doesNotContain("href=").doesNotContain("url(http").doesNotContain("<link");
  }

  @Test
  void theReportShowsPerLayerStatisticsAtInitialization() {
    assertThat(md).contains("Per-layer statistics at initialization").contains("|layer|random_uniform|glorot_uniform|he_uniform|")
        .contains("|layer 0 (dL/dz std / output)|").contains("|layer 2 (output)|1.00|1.00|1.00|").contains("|max dead ReLU units|");
    assertThat(html).contains("<h3>Per-layer statistics at initialization</h3>");
  }

  private static SweepResult result(int index, String init, int repeat, RunStatus status, double testLoss) {
    SweepRun run = new SweepRun(index, init.equals("a") ? 0 : 1, List.of(init, "relu"), repeat, repeat);
    double[] curve = status == RunStatus.OK ? new double[] {testLoss + 0.2, testLoss + 0.1} : new double[] {0.7, Double.NaN};
    return new SweepResult(run, status, status == RunStatus.OK ? testLoss + 0.1 : Double.NaN, curve[1],
        status == RunStatus.OK ? testLoss : Double.NaN, 0.8, 2, 0.1, curve, curve, "");
  }

  @Test
  void divergedRunsAreCountedAndListedNotDropped() throws Exception {
    SweepSpec spec = new SweepSpec(List.of(new SweepAxis("kernel_initializer", List.of("a", "b")),
        new SweepAxis("activation", List.of("relu"))), 4, 0.5);
    double[] a = {0.30, 0.32, 0.31, 0.33};
    double[] b = {0.40, 0.41, 0.39};
    List<SweepResult> results = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      results.add(result(i, "a", i, RunStatus.OK, a[i]));
    }
    for (int i = 0; i < 3; i++) {
      results.add(result(4 + i, "b", i, RunStatus.OK, b[i]));
    }
    results.add(result(7, "b", 3, RunStatus.DIVERGED, 0));
    SweepStatistics stats = SweepStatistics.of(spec, results);
    GroupStats g = stats.groups().get(0);
    CellStats cellB = g.cells().get(1);
    assertThat(cellB.ok()).isEqualTo(3);
    assertThat(cellB.diverged()).isEqualTo(1);
    // Ranked by each run's best val_loss, which result(...) puts 0.1 above its test loss.
    double[] valA = java.util.Arrays.stream(a).map(v -> v + 0.1).toArray();
    double[] valB = java.util.Arrays.stream(b).map(v -> v + 0.1).toArray();
    assertThat(cellB.metricMean()).isCloseTo(0.50, within(1e-12));
    assertThat(g.winner().label()).isEqualTo("a");
    assertThat(g.welchP()).isCloseTo(new TTest().tTest(valA, valB), within(1e-15));
    assertThat(g.mannWhitneyP()).isCloseTo(new MannWhitneyUTest().mannWhitneyUTest(valA, valB), within(1e-15));

    Path out = Files.createDirectories(dir.resolve("hand"));
    SweepReport.write(out, "hand", spec, results, stats, Map.of());
    String report = Files.readString(out.resolve("report.md"));
    assertThat(report).contains("|b|3 / 4, 1 diverged|0.5000 +- 0.0100|0.4000 +- 0.0100|").contains("run 7 (b, relu, repeat 3): diverged");
    assertThat(Files.readAllLines(out.resolve("sweep.csv")).get(8)).contains(",diverged,NaN,NaN,NaN,");
    assertThat(Files.readString(out.resolve("sweep.json"))).contains("\"status\" : \"diverged\"").contains("\"test_loss\" : null");
  }

  @Test
  void aMonitorWhoseMetricRisesRanksTheHighestMeanFirstAndTheReportSaysSo() throws Exception {
    SweepSpec spec = new SweepSpec(List.of(new SweepAxis("kernel_initializer", List.of("a", "b")),
        new SweepAxis("activation", List.of("relu"))), 2, null, "val_r2");
    List<SweepResult> results = new ArrayList<>();
    double[][] r2 = {{0.40, 0.42}, {0.55, 0.53}};
    for (int c = 0; c < 2; c++) {
      for (int i = 0; i < 2; i++) {
        SweepResult base = result(c * 2 + i, c == 0 ? "a" : "b", i, RunStatus.OK, 0.3 + c * 0.1);
        results.add(new SweepResult(base.run(), base.status(), base.bestValLoss(), base.finalValLoss(), base.testLoss(),
            base.testAccuracy(), base.epochsRun(), base.seconds(), base.loss(), base.valLoss(), base.error(),
            scores(r2[c][i], 40.0 + c)));
      }
    }
    SweepStatistics stats = SweepStatistics.of(spec, results, true);
    assertThat(stats.metricName()).isEqualTo("val_r2");
    assertThat(stats.groups().get(0).winner().label()).isEqualTo("b");
    assertThat(stats.groups().get(0).winner().metricMean()).isCloseTo(0.54, within(1e-12));
    // Lower-is-better on the same numbers would pick a: the direction comes from the metric, not the data.
    assertThat(SweepStatistics.of(spec, results, false).groups().get(0).winner().label()).isEqualTo("a");

    Path out = Files.createDirectories(dir.resolve("r2"));
    SweepReport.write(out, "r2", spec, results, stats, Map.of());
    String report = Files.readString(out.resolve("report.md"));
    assertThat(report).contains("Ranked by val_r2 (higher is better): each run's best val_r2 over the epochs;")
        .contains("|cell|ok / runs|val_r2|best val_loss|test_loss|test_accuracy|test_r2|test_mae|epochs to target|rank|");
    assertThat(Files.readAllLines(out.resolve("sweep.csv")).get(0)).endsWith(",error,test_r2,test_mae");
  }

  private static Map<String, Double> scores(double r2, double mae) {
    Map<String, Double> m = new java.util.LinkedHashMap<>();
    m.put("best_val_r2", r2);
    m.put("test_r2", r2 - 0.01);
    m.put("test_mae", mae);
    return m;
  }

  @Test
  void theWinnerIsChosenOnTheValidationRowsEvenWhenTheTestRowsWouldChooseTheOther() throws Exception {
    SweepSpec spec = new SweepSpec(List.of(new SweepAxis("kernel_initializer", List.of("a", "b")),
        new SweepAxis("activation", List.of("relu"))), 2, null);
    // Cell a validates better (best val_loss 0.30, 0.32) but tests worse (0.50, 0.52) than cell b
    // (0.40, 0.42 on validation; 0.35, 0.37 on test).
    double[][] val = {{0.30, 0.32}, {0.40, 0.42}};
    double[][] test = {{0.50, 0.52}, {0.35, 0.37}};
    List<SweepResult> results = new ArrayList<>();
    for (int c = 0; c < 2; c++) {
      for (int i = 0; i < 2; i++) {
        SweepRun run = new SweepRun(c * 2 + i, c, List.of(c == 0 ? "a" : "b", "relu"), i, i);
        double[] curve = {val[c][i] + 0.1, val[c][i]};
        results.add(new SweepResult(run, RunStatus.OK, val[c][i], val[c][i], test[c][i], 0.8, 2, 0.1, curve, curve, ""));
      }
    }
    SweepStatistics stats = SweepStatistics.of(spec, results);
    assertThat(stats.metricName()).isEqualTo(SweepStatistics.DEFAULT_METRIC);
    GroupStats g = stats.groups().get(0);
    assertThat(g.winner().label()).isEqualTo("a");
    assertThat(g.winner().metric()).containsExactly(0.30, 0.32);
    assertThat(g.runnerUp().label()).isEqualTo("b");

    Path out = Files.createDirectories(dir.resolve("val-vs-test"));
    SweepReport.write(out, "val-vs-test", spec, results, stats, Map.of());
    String report = Files.readString(out.resolve("report.md"));
    assertThat(report).contains("|cell|ok / runs|best val_loss|test_loss|test_accuracy|epochs to target|rank|")
        .contains("|a|2 / 2|0.3100 +- 0.0141|0.5100 +- 0.0141|0.8000 +- 0.0000|")
        .contains("|b|2 / 2|0.4100 +- 0.0141|0.3600 +- 0.0141|")
        .contains("Winner: a (best_val_loss 0.3100 +- 0.0141) vs runner-up b (0.4100 +- 0.0141)")
        .contains("the test rows are measured, never ranked on");
  }

  @Test
  void aTestKeyAsTheMonitorIsRefusedWithTheValidationKeyToUseInstead() {
    assertThatThrownBy(() -> SweepSpec.parse(Map.of("kernel_initializer", List.of("a"), "monitor", "test_r2")))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("sweep.monitor")
        .hasMessageContaining("monitor 'test_r2' is measured on the test rows, which must not choose the winner")
        .hasMessageContaining("rank by val_r2");
  }

  @Test
  void epochsToTargetIsTheFirstEpochAtOrBelowIt() {
    SweepResult r = result(0, "a", 0, RunStatus.OK, 0.3);
    assertThat(r.epochsTo(0.45)).isEqualTo(2);
    assertThat(r.epochsTo(0.5)).isEqualTo(1);
    assertThat(r.epochsTo(0.1)).isEqualTo(-1);
  }

  @Test
  void aBlownUpCellIsMarkedOffScaleInsteadOfFlatteningTheOtherCurves() {
    SweepSpec spec = new SweepSpec(List.of(new SweepAxis("kernel_initializer", List.of("a", "b", "c"))), 1, null);
    List<SweepResult> results = new ArrayList<>();
    double[][] curves = {{0.5, 0.4}, {0.45, 0.35}, {5e4, 6e4}};
    for (int i = 0; i < 3; i++) {
      SweepRun run = new SweepRun(i, i, List.of(String.valueOf((char) ('a' + i))), 0, 1);
      results.add(new SweepResult(run, RunStatus.OK, curves[i][1], curves[i][1], curves[i][1], 0.8, 2, 0.1, curves[i],
          curves[i], ""));
    }
    String svg = LossChartSvg.render("t", SweepStatistics.of(spec, results).groups().get(0).cells());
    assertThat(svg).contains("c (off scale)").doesNotContain("a (off scale)").doesNotContain(">60000");
  }
}

