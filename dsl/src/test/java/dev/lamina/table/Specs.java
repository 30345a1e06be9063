package dev.lamina.table;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Test fixtures: a fluent way to build a {@link DataSpec} and to write small CSV files. */
final class Specs {
  private String target = "y";
  private List<String> drop = List.of();
  private List<String> features = List.of();
  private List<String> oneHot = List.of();
  private boolean dropFirst = true;
  private List<String> labelEncode = List.of();
  private String scale = "none";
  private double testSplit = 0;
  private boolean stratify = false;
  private Map<String, Object> fill = Map.of();

  static Specs target(String target) {
    Specs s = new Specs();
    s.target = target;
    return s;
  }

  Specs drop(String... columns) {
    drop = List.of(columns);
    return this;
  }

  Specs features(String... columns) {
    features = List.of(columns);
    return this;
  }

  Specs oneHot(String... columns) {
    oneHot = List.of(columns);
    return this;
  }

  Specs keepFirst() {
    dropFirst = false;
    return this;
  }

  Specs labelEncode(String... columns) {
    labelEncode = List.of(columns);
    return this;
  }

  Specs scale(String kind) {
    scale = kind;
    return this;
  }

  Specs testSplit(double fraction) {
    testSplit = fraction;
    return this;
  }

  Specs stratify() {
    stratify = true;
    return this;
  }

  Specs fill(String column, Object rule) {
    fill = Map.of(column, rule);
    return this;
  }

  DataSpec build() {
    return new DataSpec("data.csv", null, target, drop, features, oneHot, dropFirst, labelEncode,
        scale, testSplit, stratify, fill);
  }

  /** Writes {@code text} as UTF-8 bytes, exactly (no line ending added). */
  static Path write(Path dir, String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.write(p, text.getBytes(StandardCharsets.UTF_8));
    return p;
  }
}
