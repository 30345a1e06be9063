package dev.lamina.yaml;

import java.util.concurrent.atomic.AtomicInteger;

/** A class a hostile YAML tag names; counts how often it is built, which must stay zero. */
public class Canary {
  /** How many Canary objects exist. */
  static final AtomicInteger BUILT = new AtomicInteger();

  /** Built from a one-item list, as SnakeYAML's full Constructor would. */
  public Canary(String ignored) {
    BUILT.incrementAndGet();
  }
}
