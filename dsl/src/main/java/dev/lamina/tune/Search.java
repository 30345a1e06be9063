package dev.lamina.tune;

import dev.lamina.runspec.RunSpec;
import dev.lamina.sweep.ThreadEngine;
import dev.lamina.yaml.ParsedSpec;
import dev.lamina.yaml.SpecReader;
import dev.lamina.yaml.SpecWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The fluent form of a {@code tune:} section, for Java callers:
 * <pre>{@code
 * TuneJob.Outcome o = Search.of(spec)                    // a RunSpec with data, compile and fit
 *     .strategy(Strategy.SUCCESSIVE_HALVING).trials(60)
 *     .choice("layers[0].units", 4, 8, 16, 32)
 *     .logUniform("compile.optimizer.learning_rate", 0.0003, 0.03)
 *     .choice("fit.batch_size", 16, 32, 64)
 *     .run(Path.of("runs/churn-tune"), 2);
 * }</pre>
 * It writes the section a YAML author would write and runs it through the same reader and
 * {@link TuneJob}, so both front ends give the same trials, checks and outputs. Relative data paths
 * are resolved against the working directory.
 */
public final class Search {
  private final RunSpec spec;
  private final Map<String, Object> section = new LinkedHashMap<>();
  private final Map<String, Object> space = new LinkedHashMap<>();

  private Search(RunSpec spec) {
    this.spec = spec;
  }

  /** A search varying {@code spec}. */
  public static Search of(RunSpec spec) {
    return new Search(spec);
  }

  /** The strategy (default {@link Strategy#DEFAULT}). */
  public Search strategy(Strategy s) {
    section.put("strategy", s.label());
    return this;
  }

  /** The number of settings tried (random search and successive halving). */
  public Search trials(int n) {
    section.put("trials", n);
    return this;
  }

  /** The held-out metric trials are ranked by (default {@value Objective#DEFAULT_METRIC}). */
  public Search metric(String metric) {
    section.put("metric", metric);
    return this;
  }

  /** Trainings per trial and budget, each with its own seed. */
  public Search seeds(int n) {
    section.put("seeds", n);
    return this;
  }

  /** Successive halving's rung-0 budget. */
  public Search minEpochs(int n) {
    section.put("min_epochs", n);
    return this;
  }

  /** Successive halving's reduction factor. */
  public Search reductionFactor(int eta) {
    section.put("reduction_factor", eta);
    return this;
  }

  /** {@code path: [values...]}. */
  public Search choice(String path, Object... values) {
    space.put(path, new ArrayList<>(Arrays.asList(values)));
    return this;
  }

  /** {@code path: {int: [lo, hi]}}. */
  public Search intRange(String path, long lo, long hi) {
    space.put(path, Map.of("int", List.of(lo, hi)));
    return this;
  }

  /** {@code path: {uniform: [lo, hi]}}. */
  public Search uniform(String path, double lo, double hi) {
    space.put(path, Map.of("uniform", List.of(lo, hi)));
    return this;
  }

  /** {@code path: {log_uniform: [lo, hi]}}. */
  public Search logUniform(String path, double lo, double hi) {
    space.put(path, Map.of("log_uniform", List.of(lo, hi)));
    return this;
  }

  /** The spec with this search as its {@code tune:} section, as YAML. */
  public String yaml() {
    Map<String, Object> tune = new LinkedHashMap<>(section);
    tune.put("space", space);
    DumperOptions o = new DumperOptions();
    o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    return SpecWriter.write(spec) + new Yaml(o).dump(Map.of("tune", tune));
  }

  /** The spec as {@code tune} would read it from a file. */
  public ParsedSpec parsed() {
    return SpecReader.read(yaml(), "search.yaml");
  }

  /** Runs the search on {@code threads} threads, writing its outputs into {@code out}. */
  public TuneJob.Outcome run(Path out, int threads) {
    return TuneJob.run(parsed(), new TuneJob.Options(out, null, null, false), new ThreadEngine(threads),
        (rung, epochs, tasks) -> r -> { });
  }
}
